"""Schemathesis hooks for the contract test: X-WSSE credentials for the compatible /sms operations (spec §2).

Each request gets a fresh nonce and the current time, as the official samples do, so nonce replay checks pass.
"""

import base64
import datetime
import hashlib
import os
import uuid

import schemathesis


@schemathesis.auth().apply_to(path_regex="^/sms/")
class Wsse:
    def get(self, case, ctx):
        return (os.environ["TERN_APP_KEY"], os.environ["TERN_APP_SECRET"])

    def set(self, case, data, ctx):
        key, secret = data
        nonce = uuid.uuid4().hex
        created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        digest = base64.b64encode(hashlib.sha256((nonce + created + secret).encode()).digest()).decode()
        case.headers = case.headers or {}
        case.headers["Authorization"] = 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"'
        case.headers["X-WSSE"] = f'UsernameToken Username="{key}",PasswordDigest="{digest}",Nonce="{nonce}",Created="{created}"'

