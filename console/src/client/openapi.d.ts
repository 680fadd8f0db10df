// Generated from the API's OpenAPI document by scripts/console/api-types.ts (npm run console:types). Do not edit.

export interface paths {
    "/sms/batchSendDiffSms/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send different templates to groups of numbers (JSON, Huawei Cloud MSGSMS compatible) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BatchSendDiffSmsRequest"];
                };
            };
            responses: {
                /** @description Accepted for at least one number (`000000`); each number’s `status` says whether it was */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description A request-level refusal: the headers of §2 missing or malformed (`E000001`–`E000027`), the wrong Content-Type (`E000040`), a malformed field (`E000503`), unparseable JSON (`E000000`), or no number accepted (`E000510`, with `result`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description Authentication failed (`E000101`–`E000112`) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description The tenant may not send now: suspended, or over a limit (`E000620`–`E000630`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description The body is larger than 64 KB (`E000503`) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description Over the app’s request rate, or too many failed authentications (`E000429`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description The database or a service the send needs is away (`E000000`); nothing was stored. Retry after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sms/batchSendSms/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one template to many numbers (form-encoded, Huawei Cloud MSGSMS compatible) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": components["schemas"]["BatchSendSmsForm"];
                };
            };
            responses: {
                /** @description Accepted for at least one number (`000000`); each number’s `status` says whether it was */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description A request-level refusal: the headers of §2 missing or malformed (`E000001`–`E000027`), the wrong Content-Type (`E000040`), a malformed field (`E000503`), unparseable JSON (`E000000`), or no number accepted (`E000510`, with `result`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description Authentication failed (`E000101`–`E000112`) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description The tenant may not send now: suspended, or over a limit (`E000620`–`E000630`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description The body is larger than 64 KB (`E000503`) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description Over the app’s request rate, or too many failed authentications (`E000429`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
                /** @description The database or a service the send needs is away (`E000000`); nothing was stored. Retry after `Retry-After` seconds */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompatibleAnswer"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app with its channel numbers and settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The app */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["App"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an app's sender id, callback and uplink URLs, rate limit or nonce check */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["UpdateAppRequest"];
                };
            };
            responses: {
                /** @description The app as it now is */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["App"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/apps/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an app secret; the previous one works on for the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /**
                         * @description How long the previous secret keeps working, or signing alongside the new one (default one day; 0 ends it at once).
                         * @default 86400
                         */
                        graceSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description The app with its new secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppCredentials"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/apps/{id}/signing-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue an app's callback signing secret (the first, or a new one); the previous one signs alongside for the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /**
                         * @description How long the previous secret keeps working, or signing alongside the new one (default one day; 0 ends it at once).
                         * @default 86400
                         */
                        graceSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description The new signing secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SigningSecret"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change made through /v1: by operators and reviewers, and to tenants’ settings; newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Only this operator’s, console user’s, app’s or API key’s changes. */
                    actorId?: string;
                    /** @description Entries older than this id (the last one of the previous page). */
                    before?: number;
                    limit?: number;
                    /** @description Only the changes made for this tenant. */
                    tenantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: components["schemas"]["AuditEntry"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/blocklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add numbers to the platform blocklist (complaints, or a carrier’s list) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BlocklistImport"];
                };
            };
            responses: {
                /** @description Imported */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            alreadyBlocked: number;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/blocklist/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a number off the platform blocklist */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            /** @enum {boolean} */
                            removed: true;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which years the review calendar knows, and from where */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calendar coverage */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewCalendar"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Declare a year's holidays and make-up workdays (replaces the package's data for that year) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            responses: {
                /** @description The calendar coverage */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewCalendar"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a year's declaration (the package's data, or Monday–Friday, applies again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The calendar coverage */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewCalendar"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/carriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the carriers (upstreams) and their binds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The carriers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            carriers: components["schemas"]["Carrier"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a carrier with its SMPP binds
         * @description Workers open the binds within a few seconds (TERN_ROUTING_RELOAD_MS). Routes send traffic to it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CarrierInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Carrier"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/carriers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One carrier */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The carrier */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Carrier"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a carrier, drain or switch it off, change its SMPP settings, or replace its binds
         * @description Binds whose settings are unchanged keep their sessions; changed ones (a change of `smpp` changes all) are reopened.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CarrierChange"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Carrier"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/console-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Console users, or one tenant’s */
        get: {
            parameters: {
                query?: {
                    tenantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: components["schemas"]["ConsoleUser"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Invite a console user: the answer holds their one-time invitation link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsoleInvitation"];
                };
            };
            responses: {
                /** @description Invited */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleInvitationLink"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/console-users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Disable a console user (their sessions end at once) or enable them again */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled: boolean;
                    };
                };
            };
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleUser"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/console-users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new invitation link (a lost link, a forgotten password): the user’s password and sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A new link */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleInvitationLink"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/failovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest failovers: a carrier passed over for a message, and why (the last 7 days) */
        get: {
            parameters: {
                query?: {
                    carrier?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            failovers: components["schemas"]["Failover"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ported-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a ported-numbers list (number portability)
         * @description A CSV body (`text/csv`), one `number,network` per line, an optional header line. Numbers as `+86…`, `86…` or 11 digits; networks as `cmcc`, `ctcc`, `cucc`, `cbn` or 移动, 电信, 联通, 广电. A listed number is routed by its network instead of its prefix. One bad line refuses the whole list (422, every bad line in `details.errors`). Up to about 10 MB.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Imported: numbers in the list, and how many were new or moved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                            listed: number;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ported-numbers/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a number is on the ported list, and its network */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description On the list */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PortedNumber"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Take a number off the ported list (it is routed by its prefix again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            number: string;
                            /** @enum {boolean} */
                            removed: true;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The price table in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The price table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceTable"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Publish a new version of the price table (charges from now on use it; earlier ones keep theirs) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PriceTableSettings"];
                };
            };
            responses: {
                /** @description The new price table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceTable"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/receipts/unmatched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery receipts that matched no sent part, newest first (a carrier whose message ids are read wrong shows here) */
        get: {
            parameters: {
                query?: {
                    /** @description Receipts older than this id (`nextBefore`). */
                    before?: number;
                    carrier?: string;
                    limit?: number;
                    state?: "retrying" | "parked";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nextBefore: number | null;
                            receipts: components["schemas"]["UnmatchedReceipt"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue: open template and signature reviews only, overdue first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open reviews */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reviews: components["schemas"]["Review"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A review with the template text or the signature’s documents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reviews/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject with a reason, or (signatures) ask for more documents */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewDecision"];
                };
            };
            responses: {
                /** @description The decided review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reviews/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a signature document (reviewers only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The document as uploaded, with the type its content showed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The route table */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every route */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            routes: components["schemas"]["Route"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the whole route table at once */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        routes: components["schemas"]["RouteInput"][];
                    };
                };
            };
            responses: {
                /** @description The new table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            routes: components["schemas"]["Route"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Add a route
         * @description A message may go through every route that matches its number: the narrowest first (a mainland network, then more national digits in the prefix, then a named country over `*`), then by priority. `*` is every country but the Chinese mainland, whose numbers only take `CN` routes. The next one is used when an upstream is down or refuses the message (a routing error, or a temporary refusal).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RouteInput"];
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Route"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/routes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a route */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {boolean} */
                            removed: true;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/routes/lookup/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which network a number is on and which carriers would carry it, in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The route */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RouteLookup"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/suspensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tenant’s sending suspensions in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The latest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            suspensions: components["schemas"]["ActiveSuspension"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All tenants */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The tenants */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenants: components["schemas"]["Tenant"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant (an enterprise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTenantRequest"];
                };
            };
            responses: {
                /** @description The tenant */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tenant"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's apps with their channel numbers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The apps */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apps: components["schemas"]["App"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an app for a tenant; its key, secret and callback signing secret are shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAppRequest"];
                };
            };
            responses: {
                /** @description The app with its credentials */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NewAppCredentials"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's mode, balance, packages and hold */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The billing */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantBilling"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/billing-mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch a tenant's billing mode (leaving mode 2 ends its hold) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BillingModeSettings"];
                };
            };
            responses: {
                /** @description The billing */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantBilling"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Top up: a package bought by the tenant or granted to it; a mode-2 hold ends with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewPackage"];
                };
            };
            responses: {
                /** @description The package */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Package"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/quota-hold/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a tenant's mode-2 hold without a top-up */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Released */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            released: true;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/suspension/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a tenant's sending suspension */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Lifted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            lifted: true;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/unblock-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unblock requests waiting for an operator */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Open requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: (components["schemas"]["UnblockRequest"] & {
                                /** Format: uuid */
                                tenantId: string;
                            })[];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/unblock-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (the carrier is asked next) or refuse an unblock request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve";
                    } | {
                        /** @enum {string} */
                        decision: "refuse";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The decision is on its way to the workflow */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnblockRequest"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's API keys (without their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a bearer API key with scopes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApiKeyRequest"];
                };
            };
            responses: {
                /** @description The new key; the key text is shown only here */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; it stops working within seconds */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The revoked key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This app: its channel numbers, callback and reply URLs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The app */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["App"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change this app’s name, callback URL (status reports) or uplink URL (replies) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["UpdateOwnAppRequest"];
                };
            };
            responses: {
                /** @description The app as it now is */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["App"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/app/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate this app’s secret; the previous one works on for the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /**
                         * @description How long the previous secret keeps working, or signing alongside the new one (default one day; 0 ends it at once).
                         * @default 86400
                         */
                        graceSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description The app with its new secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppCredentials"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/app/signing-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new callback signing secret; the previous one signs alongside for the grace period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /**
                         * @description How long the previous secret keeps working, or signing alongside the new one (default one day; 0 ends it at once).
                         * @default 86400
                         */
                        graceSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description The new signing secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SigningSecret"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change to this tenant’s settings, templates, signatures and campaigns, by whom; newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Entries older than this id (the last one of the previous page). */
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: components["schemas"]["AuditEntry"][];
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The billing mode, the remaining segments per scope and any mode-2 hold */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The balance */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Balance"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocklist/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a number is blocked for this tenant, and why */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The number’s status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BlockStatus"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocklist/{number}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply for a number to be taken off the platform blocklist */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The request, under review */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnblockRequest"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app’s tenant’s campaigns, newest first (the last 100) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Campaigns */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignList"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start a campaign: send an uploaded list from its template, now or at a time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCampaign"];
                };
            };
            responses: {
                /** @description The campaign, started (or waiting for its time) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign with its progress and ETA */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The campaign */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a campaign: what is not yet queued is not sent; what is queued goes on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Told to the campaign’s workflow; its status follows within a moment */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a campaign: nothing more is queued until it is resumed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Told to the campaign’s workflow; its status follows within a moment */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The campaign’s report: every row with its fate, as CSV
         * @description One line per row of the upload, in file order: `line,recipient,status,code,reason,message_id`. `status` is the message’s (`accepted`, `submitted`, `delivered`, `undelivered`, `expired`, `rejected`, `failed`), `refused` for a row the sending controls or billing refused when it was queued, or `not_sent` for a row the campaign did not reach (cancelled, stopped, or not yet). Streamed; no row cap.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Told to the campaign’s workflow; its status follows within a moment */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app’s tenant’s recipient lists, newest first, with their progress */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The uploads */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignUploadList"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a recipient list (CSV or TXT) for a campaign, checked row by row
         * @description The body is the file itself (`text/csv` or `text/plain`), read as it streams. A row is a number (E.164; for a mainland template also 11 digits or `86…` without `+`) and then the values of `${1}`, `${2}`, … A first row whose first cell holds no digit is a header. Each row is checked with the rules of a send; a number an earlier row had is dropped as a duplicate. Up to 1,000,000 accepted rows and 128 MiB. The answer comes once the file is read; meanwhile `GET /v1/campaigns/uploads` shows the upload with its counts.
         */
        post: {
            parameters: {
                query: {
                    /** @description A name for the list, shown with it. */
                    name: string;
                    /** @description Mainland templates: the approved signature to show in 【】; by default the tenant’s only one of the template’s type. */
                    signature?: string;
                    /** @description The approved template every row is sent with. */
                    templateId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The list: one recipient per row, the number first, then the template’s values in order. */
            requestBody: {
                content: {
                    "text/csv": string;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Read: the counts, the estimate and the first refused rows */
                201: {
                    headers: {
                        /** @description The upload */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignUploadSummary"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A recipient list: its progress while it streams in, then its counts, estimate and first refused rows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The upload */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignUploadSummary"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/uploads/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every refused row of a recipient list, as CSV (`line,code,message`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The refused rows in line order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: set the password and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AcceptInvitation"];
                };
            };
            responses: {
                /** @description Signed in; the cookie is set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleSession"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the signed-in user’s language */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateConsoleUser"];
                };
            };
            responses: {
                /** @description The session, in the new language */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleSession"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/console/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the signed-in user’s password; their other sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangePassword"];
                };
            };
            responses: {
                /** @description Changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their CSRF token and apps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleSession"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Sign in to the console: sets the HTTP-only session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description Signed in; the cookie is set */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConsoleSession"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out: ends the session and clears the cookie */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charges and refunds, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Rows older than this id (`nextBefore` of the previous page). */
                    before?: number;
                    from?: string;
                    kind?: "charge" | "refund";
                    limit?: number;
                    messageId?: string;
                    packageId?: string;
                    /** @description Only pay-per-use rows (`true`) or only package rows (`false`). */
                    payPerUse?: "true" | "false";
                    /** @description `mainland` (Chinese-mainland numbers) or `international`. */
                    scope?: "mainland" | "international";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the ledger */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: components["schemas"]["LedgerEntry"][];
                            /** @description The `before` of the next page; null on the last. */
                            nextBefore: number | null;
                        };
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sending details: the messages, newest first, narrowed by any of the filters */
        get: {
            parameters: {
                query?: {
                    campaignId?: string;
                    /** @description The upstream that carried the message. */
                    carrier?: string;
                    /** @description The recipient’s country. */
                    country?: string;
                    /** @description The `nextCursor` of the previous page; the first page when absent. Use it with the same filters. */
                    cursor?: string;
                    /** @description The error code of failed and undelivered messages. */
                    errorCode?: string;
                    /** @description Entries a page, 1 to 500. */
                    limit?: number;
                    /** @description The template’s region. */
                    region?: "mainland" | "international";
                    requestId?: string;
                    /** @description The signature of mainland messages. */
                    signature?: string;
                    /** @description Accepted at or after this time (ISO 8601). */
                    since?: string;
                    /** @description Any of these states, comma-separated. */
                    status?: string;
                    templateId?: string;
                    /** @description The recipient, exactly. */
                    to?: string;
                    /** @description The recipient’s first digits, + included. */
                    toPrefix?: string;
                    /** @description Accepted before this time (ISO 8601). */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages, and the cursor of the next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageList"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Send an SMS from a template to one or many recipients */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeat a request with the same key to get the first answer back; nothing is sent twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SendMessagesRequest"];
                };
            };
            responses: {
                /** @description Accepted: one entry per recipient, with its message id or the reason it was refused */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SendMessagesResponse"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A message with its parts and timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The message */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Cancel a scheduled message before its send time */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled message */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sending details as CSV: every message the filters match, newest first
         * @description The filters of `GET /v1/messages`; one line per message: `id,request_id,to,from,template_id,segments,status,error_code,error_message,reference,carrier,campaign_id,send_at,created_at,submitted_at,completed_at,country,region,signature`. Streamed as it is read, no row cap. A cell that a spreadsheet would run as a formula (a number starting with `+`) is prefixed with `'`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start the file with a UTF-8 byte order mark, by which spreadsheets (Excel) read Chinese text right. */
                    bom?: "true" | "false";
                    campaignId?: string;
                    /** @description The upstream that carried the message. */
                    carrier?: string;
                    /** @description The recipient’s country. */
                    country?: string;
                    /** @description The error code of failed and undelivered messages. */
                    errorCode?: string;
                    /** @description The template’s region. */
                    region?: "mainland" | "international";
                    requestId?: string;
                    /** @description The signature of mainland messages. */
                    signature?: string;
                    /** @description Accepted at or after this time (ISO 8601). */
                    since?: string;
                    /** @description Any of these states, comma-separated. */
                    status?: string;
                    templateId?: string;
                    /** @description The recipient, exactly. */
                    to?: string;
                    /** @description The recipient’s first digits, + included. */
                    toPrefix?: string;
                    /** @description Accepted before this time (ISO 8601). */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export the sending details in the background: for files too large to wait for
         * @description The filters of `GET /v1/messages`. The file (the columns of `GET /v1/messages/export`) is written by a workflow in parts of about a megabyte; `GET /v1/messages/exports/{id}` follows it, and once `ready` its `downloadUrl` serves it for a day, then it is deleted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MessageExportRequest"];
                };
            };
            responses: {
                /** @description The export, started */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageExport"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An export: how far it is, and where to download it when ready */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageExport"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/exports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file of a ready export (CSV), until it expires */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is gone for good (an export past its expiry) */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the platform told the tenant of: traffic alarms, suspensions and their ends, quota alarms and holds; newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `nextCursor` of the previous page; the first page when absent. Use it with the same filters. */
                    cursor?: string;
                    /** @description Any of these kinds, comma-separated. */
                    kind?: string;
                    /** @description Entries a page, 1 to 500. */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoticeList"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resource packages, in the order they are consumed (the one that expires first first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The packages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            packages: components["schemas"]["Package"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quota-alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quota alarms on remaining segments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The alarms */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuotaAlarms"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set the quota alarms (replacing them); one the balance is already below waits for a top-up */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuotaAlarmsSettings"];
                };
            };
            responses: {
                /** @description The alarms */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuotaAlarms"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/region-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where this tenant (and this app) may send international SMS */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionSettingsView"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Choose the countries and number prefixes this tenant (or this app) may send to */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegionSettings"];
                };
            };
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegionSettingsView"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Replies from recipients, newest first, each with the message it answers */
        get: {
            parameters: {
                query?: {
                    /** @description The `nextCursor` of the previous page; the first page when absent. Use it with the same filters. */
                    cursor?: string;
                    /** @description The number that replied, exactly. */
                    from?: string;
                    /** @description Entries a page, 1 to 500. */
                    limit?: number;
                    /** @description Received at or after this time (ISO 8601). */
                    since?: string;
                    /** @description Received before this time (ISO 8601). */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of replies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReplyList"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's signatures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signatures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signatures: components["schemas"]["Signature"][];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Apply for a mainland signature with its documents */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["ApplySignatureRequest"];
                };
            };
            responses: {
                /** @description The signature, in review */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Signature"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signatures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A signature with its documents (metadata only) and the state of its review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signature */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Signature"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signatures/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload the documents a reviewer asked for; the review resumes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["SignatureDocumentsRequest"];
                };
            };
            responses: {
                /** @description Uploaded; the review resumes */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Signature"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service statistics: messages, segments, deliveries and failures by hour or day, by any one dimension
         * @description Kept as messages change state (never recounted), so a long range reads sums, not messages. Counted by the hour each message was to go (its send time, else its accept time), in the tenant’s time zone; messages removed by retention stay counted.
         */
        get: {
            parameters: {
                query?: {
                    campaignId?: string;
                    carrier?: string;
                    country?: string;
                    /** @description A row per hour, per day, or one for the whole range (`total`). */
                    granularity?: "hour" | "day" | "total";
                    /** @description A row per value of this dimension in each period; `status` groups by pending, delivered, failed and cancelled. */
                    groupBy?: "region" | "country" | "template" | "signature" | "carrier" | "campaign" | "status";
                    region?: "mainland" | "international";
                    signature?: string;
                    /** @description From this time (ISO 8601), taken down to the start of its hour or day in `timeZone`; a week before `until` by default. */
                    since?: string;
                    templateId?: string;
                    /** @description Where days start (IANA name); the tenant’s statistics zone (`/v1/statistics/time-zone`, Asia/Shanghai unless set) by default, and the fastest for days. Zones a fraction of an hour from UTC are refused. */
                    timeZone?: string;
                    /** @description Up to this time, taken up to the end of its hour or day; now by default. */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures, a row per period and group, and their totals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Statistics"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service statistics as CSV
         * @description The query of `GET /v1/statistics`, a line per row: `period,start,key,messages,segments,pending,delivered,failed,cancelled,delivery_rate,delivery_p50_ms,delivery_p95_ms,failures` (failures as `CODE:count` separated by `;`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start the file with a UTF-8 byte order mark, by which spreadsheets (Excel) read Chinese text right. */
                    bom?: "true" | "false";
                    campaignId?: string;
                    carrier?: string;
                    country?: string;
                    /** @description A row per hour, per day, or one for the whole range (`total`). */
                    granularity?: "hour" | "day" | "total";
                    /** @description A row per value of this dimension in each period; `status` groups by pending, delivered, failed and cancelled. */
                    groupBy?: "region" | "country" | "template" | "signature" | "carrier" | "campaign" | "status";
                    region?: "mainland" | "international";
                    signature?: string;
                    /** @description From this time (ISO 8601), taken down to the start of its hour or day in `timeZone`; a week before `until` by default. */
                    since?: string;
                    templateId?: string;
                    /** @description Where days start (IANA name); the tenant’s statistics zone (`/v1/statistics/time-zone`, Asia/Shanghai unless set) by default, and the fastest for days. Zones a fraction of an hour from UTC are refused. */
                    timeZone?: string;
                    /** @description Up to this time, taken up to the end of its hour or day; now by default. */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The statistics */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/time-zone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The zone the tenant’s statistics days are kept in
         * @description Asia/Shanghai unless the tenant chose another.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The zone */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatsTimeZone"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Keep the tenant’s statistics days in another zone
         * @description Days already counted are summed again in the new zone from the hourly figures, so every figure stays exact. The zone must be a whole number of hours from UTC.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StatsTimeZone"];
                };
            };
            responses: {
                /** @description The zone */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatsTimeZone"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: {
                                approvedVersion: number | null;
                                /** @description The text sends use: the approved version’s. */
                                body: string;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                region: "mainland" | "international";
                                /** @enum {string} */
                                status: "approved" | "pending" | "rejected" | "withdrawn";
                                /** @enum {string} */
                                type: "verification" | "notification";
                                warnings?: string[];
                            }[];
                        };
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Apply for a template; it is reviewed on workdays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApplyTemplateRequest"];
                };
            };
            responses: {
                /** @description The template, pending review */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template with its versions and the state of its review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The template */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change a template: a new version goes through review; the approved one stays usable meanwhile */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewTemplateVersionRequest"];
                };
            };
            responses: {
                /** @description The template with its new version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the version waiting for review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The withdrawal is on its way to the review */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The resource is not in a state that allows this */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/traffic-thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's traffic thresholds and any active suspension */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The thresholds */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrafficThresholdsView"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set the traffic thresholds; raising a limit above the count ends a suspension */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TrafficThresholds"];
                };
            };
            responses: {
                /** @description The thresholds */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrafficThresholdsView"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The body is not of a type this operation reads (`unsupported_media_type`) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/unblock-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s unblock requests, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The `nextCursor` of the previous page; the first page when absent. Use it with the same filters. */
                    cursor?: string;
                    /** @description Entries a page, 1 to 500. */
                    limit?: number;
                    state?: "in_review" | "carrier_pending" | "unblocked" | "refused";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnblockRequestList"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/unblock-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An unblock request and how it ended */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnblockRequest"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The credentials do not allow this (an API key without the scope) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such resource for this app */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month of usage: segments from packages and per use, refunds and the amount, per scope and country */
        get: {
            parameters: {
                query: {
                    /** @description The month, YYYY-MM. */
                    month: string;
                    /** @description The IANA time zone the month is counted in. */
                    timeZone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The month */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Usage"];
                    };
                };
                /** @description The request does not match this document: a missing or malformed field, parameter or body (`invalid_request`, `malformed_json`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Well-formed, but it breaks a rule beyond this document’s schemas (the code names the rule) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests: over the app’s request rate (`rate_limited`), or too many failed authentications from this address or for this key (`too_many_failed_attempts`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The service cannot reach its database (`database_unavailable`) or, for scheduled sends, reviews, suspensions, campaigns and background exports, its workflow service (`scheduler_unavailable`) right now; nothing was stored. Retry after `Retry-After` seconds. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitation: {
            /** @description 10 to 200 characters. */
            password: string;
            token: string;
        };
        ActiveSuspension: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            period: "day" | "hour";
            periodStart: string;
            reason: string;
            since: string;
            /** Format: uuid */
            tenantId: string;
            tenantName: string;
            until: string;
        };
        ApiKey: {
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The public start of the key, to tell keys apart. */
            prefix: string;
            revokedAt: string | null;
            scopes: ("send" | "read")[];
        };
        App: {
            appKey: string;
            callbackUrl: string | null;
            createdAt: string;
            from: string;
            /** Format: uuid */
            id: string;
            /** @description Fixed for the life of the app: replies are routed by it. */
            mainlandExtension: string;
            mainlandFrom: string;
            name: string;
            requestsPerSecond: number | null;
            /** Format: uuid */
            tenantId: string;
            uplinkUrl: string | null;
            wsseNonceCheck: boolean;
        };
        AppCredentials: {
            appKey: string;
            /** @description Shown only in this answer. */
            appSecret: string;
            /** @description The international sender id. */
            from: string;
            /** Format: uuid */
            id: string;
            /** @description The mainland displayed number: the 106 access number and the app’s extension. */
            mainlandFrom: string;
        };
        ApplySignatureRequest: {
            /**
             * Format: binary
             * @description Letter of attorney: PDF, JPEG or PNG, at most 5 MB.
             */
            attorneyLetter: string;
            /**
             * Format: binary
             * @description Business license: PDF, JPEG or PNG, at most 5 MB.
             */
            businessLicense: string;
            /** @description The text shown in 【】, e.g. your company’s short name. */
            name: string;
            /** @enum {string} */
            type: "verification" | "notification";
        };
        ApplyTemplateRequest: {
            /** @description At most 500 characters; variables are ${1}, ${2}, … in order. */
            body: string;
            name: string;
            /** @enum {string} */
            region: "mainland" | "international";
            /** @enum {string} */
            type: "verification" | "notification";
            /** @description One type per variable ${1}, ${2}, …: code (≤8 letters/digits), number (≤20 digits), amount (≤20 digits, dots, commas), date (≤20), phone (≤20 digits, +, -, spaces), other (≤35, no dots). Default: a verification template’s ${1} is the code, the rest other. */
            variables?: ("code" | "number" | "amount" | "date" | "phone" | "other")[];
        };
        AuditEntry: {
            /** @example POST /v1/admin/reviews/{id}/decision */
            action: string;
            /** Format: uuid */
            actorId: string;
            /**
             * @description Who made the change: an operator (staff signed in to the console act as one), a tenant’s console user, an app (its secret) or an API key.
             * @enum {string}
             */
            actorKind: "operator" | "console_user" | "app" | "api_key";
            /** @description The operator’s name (a staff user’s email), the console user’s email, the app’s key or the API key’s prefix. */
            actorName: string;
            at: string;
            /** @description The request’s fields (secrets redacted) and path parameters. */
            details?: unknown;
            id: number;
            path: string;
            requestId: string | null;
            status: number;
            /**
             * Format: uuid
             * @description The tenant the change was made for; null for the platform’s own settings.
             */
            tenantId: string | null;
        };
        Balance: {
            /** @example CNY */
            currency: string;
            /** @description Mode 2: international sending held since the packages ran out, until a top-up. */
            hold: {
                reason: string;
                since: string;
            } | null;
            /** @description 1: sending goes on, billed per use, once the packages of a scope are used up. 2: international only; held until a top-up once they are. */
            mode: 1 | 2;
            priceVersion: number;
            scopes: {
                /** @description Segments left in expired packages (no longer usable). */
                expiredRemaining: number;
                /** @description Segments the packages of this scope can pay for now. */
                remaining: number;
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
                /** @description Segments of packages whose validity has not begun. */
                upcoming: number;
            }[];
        };
        BatchSendDiffSmsRequest: {
            extend?: string;
            from: string;
            smsContent: {
                signature?: string;
                templateId: string;
                templateParas?: (string | number)[];
                to: string[];
            }[];
            /** Format: uri */
            statusCallback?: string;
        };
        BatchSendSmsForm: {
            extend?: string;
            from: string;
            signature?: string;
            /** Format: uri */
            statusCallback?: string;
            templateId: string;
            /**
             * @description A JSON array of strings in a string, e.g. `["369751"]`.
             * @example ["369751"]
             */
            templateParas?: string;
            /**
             * @description Comma-separated `+E.164` numbers, at most 500.
             * @example +8613800138000,+8613800138001
             */
            to: string;
        };
        BillingModeSettings: {
            /** @description 1: sending goes on, billed per use, once the packages of a scope are used up. 2: international only; held until a top-up once they are. */
            mode: 1 | 2;
        };
        BlocklistImport: {
            numbers: string[];
            reason: string;
            /** @enum {string} */
            source: "complaint" | "carrier" | "operator";
        };
        BlockStatus: {
            blocked: boolean;
            number: string;
            reasons: {
                /** @enum {string} */
                kind: "platform" | "opted_out";
                reason: string;
                /** @description What the tenant can do: ask for a platform block to be lifted; an opt-out ends only when the recipient opts back in. */
                remedy: string;
                since: string;
                source: string;
            }[];
        };
        CalendarYear: {
            /** @description Public holidays of the year (days off, weekdays included). */
            holidays: string[];
            /** @description Make-up workdays (weekend days worked). */
            workdays: string[];
        };
        Campaign: {
            createdAt: string;
            /** @description When the last row should be queued, at the rate so far (or the campaign’s rate); null when not running. */
            eta: string | null;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            progress: {
                delivered: number;
                /** @description Messages that ended undelivered, expired, rejected or failed. */
                failed: number;
                /** @description Refused rows and failed messages by reason code. */
                failureReasons: {
                    [key: string]: number;
                };
                /** @description Rows handed to the hot path as messages. */
                queued: number;
                /** @description Rows of the upload. */
                recipients: number;
                /** @description Rows the sending controls or billing refused when queued (see the report). */
                refused: number;
                /** @description Rows not yet queued. */
                remaining: number;
                /** @description Messages a carrier took, awaiting their receipt. */
                submitted: number;
            };
            ratePerSecond: number | null;
            sendAt: string | null;
            signature: string | null;
            startedAt: string | null;
            /**
             * @description `waiting`: the tenant may not send now (a traffic suspension, or sending held until a top-up); it goes on by itself after. `stopped`: its template or signature can no longer be sent (`stopReason`).
             * @enum {string}
             */
            status: "scheduled" | "running" | "paused" | "waiting" | "cancelled" | "stopped" | "completed";
            stopReason: string | null;
            templateId: string;
            /** Format: uuid */
            uploadId: string;
            /** @description Why a `waiting` campaign waits. */
            waitingFor: string | null;
        };
        CampaignList: {
            campaigns: components["schemas"]["Campaign"][];
        };
        CampaignUpload: {
            createdAt: string;
            /** @description Why a `failed` upload failed. */
            error: {
                /** @description `no_recipients` (no row can be sent), `too_many_rows`, `invalid_csv`, `payload_too_large`, `upload_interrupted` or `internal_error`. */
                code: string;
                message: string;
            } | null;
            /** @description The dry run: what sending to the accepted rows would take. */
            estimate: {
                /** @description Null while no price table is published. */
                cost: {
                    /** @description Paid per use at the current price table, in the currency’s minor unit (fen). */
                    amount: number;
                    /** @example CNY */
                    currency: string;
                    priceVersion: number;
                } | null;
                /** @description The accepted rows’ segments per billing scope. */
                segments: {
                    international: number;
                    mainland: number;
                };
            };
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            rows: {
                /** @description Recipients kept: valid rows whose number no earlier row had. */
                accepted: number;
                /** @description Valid rows whose number an earlier row had; dropped. */
                duplicates: number;
                /** @description Rows refused, each with its line and reason. */
                invalid: number;
                /** @description Rows read, without a header and empty rows. */
                read: number;
            };
            signature: string | null;
            /**
             * @description `receiving` while the file streams in (the counts grow), `ready` once it is read, `failed` if it could not be (see `error`).
             * @enum {string}
             */
            status: "receiving" | "ready" | "failed";
            templateId: string;
        };
        CampaignUploadList: {
            uploads: components["schemas"]["CampaignUpload"][];
        };
        CampaignUploadSummary: components["schemas"]["CampaignUpload"] & {
            /** @description The first 100 refused rows, in line order. */
            invalidRows: components["schemas"]["UploadInvalidRow"][];
            /** @description True when there are more: `GET …/errors` lists them all. */
            invalidRowsTruncated: boolean;
        };
        Carrier: {
            binds: {
                host: string;
                /** @description The worker that holds this bind (its lease) and since when; null while no worker does. Only it opens the bind. */
                owner: {
                    since: string;
                    worker: string;
                } | null;
                port: number;
                position: number;
                /** @description Each running worker’s session of this bind, as the workers reported it in the last 90 s. */
                sessions: {
                    bound: boolean;
                    lastFailure: string | null;
                    reportedAt: string;
                    /** @description When the session last became bound or unbound. */
                    since: string;
                    worker: string;
                }[];
                systemId: string;
                throughput: number | null;
                window: number;
            }[];
            id: string;
            /** @description How the carrier writes message ids: `text` (matched byte for byte, the default), or a number in `hex` or `decimal` (matched by value: case and leading zeros do not matter). */
            messageIds: {
                /**
                 * @description The `id:` in its receipts’ text.
                 * @enum {string}
                 */
                receipt: "text" | "hex" | "decimal";
                /**
                 * @description Its ids in submit_sm_resp (and receipted_message_id).
                 * @enum {string}
                 */
                response: "text" | "hex" | "decimal";
            };
            name: string;
            /** @description Routes that name this carrier. */
            routes: number;
            smpp: components["schemas"]["SmppSettings"];
            /**
             * @description active: routed to; draining: binds stay up for receipts and replies, no new traffic; off: binds closed.
             * @enum {string}
             */
            state: "active" | "draining" | "off";
            updatedAt: string;
        };
        CarrierChange: {
            binds?: {
                host: string;
                /** @description Stored encrypted under the master key; never shown again. */
                password: string;
                port: number;
                systemId: string;
                /** @description The account’s contracted submit_sm per second; submits are paced to it. Default none. */
                throughput?: number | null;
                /** @description submit_sm in flight at once. Default 50. */
                window?: number;
            }[];
            /** @description How the carrier writes message ids: `text` (matched byte for byte, the default), or a number in `hex` or `decimal` (matched by value: case and leading zeros do not matter). */
            messageIds?: {
                /**
                 * @description The `id:` in its receipts’ text.
                 * @enum {string}
                 */
                receipt: "text" | "hex" | "decimal";
                /**
                 * @description Its ids in submit_sm_resp (and receipted_message_id).
                 * @enum {string}
                 */
                response: "text" | "hex" | "decimal";
            };
            name?: string;
            smpp?: components["schemas"]["SmppSettingsInput"];
            /**
             * @description active: routed to; draining: binds stay up for receipts and replies, no new traffic; off: binds closed.
             * @enum {string}
             */
            state?: "active" | "draining" | "off";
        };
        CarrierInput: {
            binds: {
                host: string;
                /** @description Stored encrypted under the master key; never shown again. */
                password: string;
                port: number;
                systemId: string;
                /** @description The account’s contracted submit_sm per second; submits are paced to it. Default none. */
                throughput?: number | null;
                /** @description submit_sm in flight at once. Default 50. */
                window?: number;
            }[];
            /** @example cmcc */
            id: string;
            /** @description How the carrier writes message ids: `text` (matched byte for byte, the default), or a number in `hex` or `decimal` (matched by value: case and leading zeros do not matter). */
            messageIds?: {
                /**
                 * @description The `id:` in its receipts’ text.
                 * @enum {string}
                 */
                receipt: "text" | "hex" | "decimal";
                /**
                 * @description Its ids in submit_sm_resp (and receipted_message_id).
                 * @enum {string}
                 */
                response: "text" | "hex" | "decimal";
            };
            name: string;
            smpp?: components["schemas"]["SmppSettingsInput"];
            /**
             * @description active: routed to; draining: binds stay up for receipts and replies, no new traffic; off: binds closed.
             * @enum {string}
             */
            state?: "active" | "draining" | "off";
        };
        ChangePassword: {
            currentPassword: string;
            /** @description 10 to 200 characters. */
            newPassword: string;
        };
        CompatibleAnswer: {
            /** @description `000000`, or a request-level code of spec §3.3 (`E000503`, `E000510`…). */
            code: string;
            description: string;
            /** @description One entry per recipient: on success, and with `E000510` (none accepted). */
            result?: components["schemas"]["CompatibleResult"][];
        };
        CompatibleResult: {
            countryId?: string;
            /** @example 2026-11-28T09:59:50Z */
            createTime: string;
            from: string;
            originTo: string;
            /** @description Absent for a number that was refused. */
            smsMsgId?: string;
            /** @description `000000` accepted, else the reason (spec §3.4). */
            status: string;
            /** @description Segments of the message. */
            total?: number;
        };
        ConsoleInvitation: {
            /** @example owner@example.com */
            email: string;
            locale?: components["schemas"]["ConsoleLocale"];
            name: string;
            role: components["schemas"]["ConsoleRole"];
            /**
             * Format: uuid
             * @description Required for tenant owners and members; not given for staff.
             */
            tenantId?: string;
        };
        ConsoleInvitationLink: {
            expiresAt: string;
            /** @description Give it to the user: it sets their password once, until `expiresAt`. Shown only here. */
            invitationUrl: string;
            user: components["schemas"]["ConsoleUser"];
        };
        /** @enum {string} */
        ConsoleLocale: "zh-CN" | "en";
        /** @enum {string} */
        ConsoleRole: "tenant_owner" | "tenant_member" | "reviewer" | "operator" | "admin";
        ConsoleSession: {
            /** @description A tenant user’s apps; the console works on one at a time (`X-Tern-App`). */
            apps: {
                appKey: string;
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            /** @description Send it as `X-CSRF-Token` with every request that changes something. */
            csrfToken: string;
            expiresAt: string;
            links: {
                /** @description The Temporal UI, for staff following a review’s workflow. */
                temporalUi: string | null;
            };
            user: components["schemas"]["ConsoleUser"];
        };
        ConsoleUser: {
            createdAt: string;
            email: string;
            /** Format: uuid */
            id: string;
            locale: components["schemas"]["ConsoleLocale"];
            name: string;
            role: components["schemas"]["ConsoleRole"];
            /**
             * @description Invited until the invitation is accepted; disabled users cannot sign in.
             * @enum {string}
             */
            state: "invited" | "active" | "disabled";
            /** Format: uuid */
            tenantId: string | null;
        };
        CreateApiKeyRequest: {
            /** @example checkout service */
            name: string;
            /** @description `send` to send and cancel, `read` to read messages. */
            scopes: ("send" | "read")[];
        };
        CreateAppRequest: {
            /**
             * Format: uri
             * @description Default status callback URL for native sends.
             */
            callbackUrl?: string;
            name: string;
            /** @description The sender shown on international SMS. */
            senderId: string;
            /**
             * Format: uri
             * @description Where replies to the mainland number are POSTed (compatible uplink format).
             */
            uplinkUrl?: string;
        };
        CreateCampaign: {
            /** @example November notice */
            name: string;
            /** @description At most this many messages a second; as fast as the platform allows when absent. */
            ratePerSecond?: number;
            /**
             * Format: date-time
             * @description Start at this time (ISO 8601), at most 90 days ahead; at once when absent.
             */
            sendAt?: string;
            /**
             * Format: uuid
             * @description A recipient list uploaded with `POST /v1/campaigns/uploads`, read to the end (`ready`).
             */
            uploadId: string;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The key itself, shown only in this answer. Send it as `Authorization: Bearer <key>`. */
            key: string;
        };
        CreateTenantRequest: {
            name: string;
        };
        Error: {
            /** @example template_not_found */
            code: string;
            details?: unknown;
            /** @example No template 0123… for this app. */
            message: string;
            /** @description The request’s X-Request-Id: quote it when asking about this answer. */
            requestId?: string;
        };
        Failover: {
            at: string;
            /** @description The carrier passed over. */
            carrier: string;
            code: string;
            /** Format: uuid */
            messageId: string;
            reason: string;
        };
        LedgerEntry: {
            /** @description Pay-per-use amount in minor units of `currency` (0 from a package). */
            amount: number;
            at: string;
            country: string;
            currency: string;
            id: number;
            /** @enum {string} */
            kind: "charge" | "refund";
            /** Format: uuid */
            messageId: string;
            /**
             * Format: uuid
             * @description The package the segments came from; null for pay per use.
             */
            packageId: string | null;
            priceVersion: number;
            refundOf: number | null;
            /**
             * @description `mainland` (Chinese-mainland numbers) or `international`.
             * @enum {string}
             */
            scope: "mainland" | "international";
            segments: number;
        };
        Message: {
            callbackUrl: string | null;
            /** @description The upstream that carried the message (or gave the final answer). */
            carrier: string | null;
            /** @description The recipient’s country (ISO 3166); null for messages from before it was kept. */
            country: string | null;
            createdAt: string;
            /** @enum {string} */
            encoding: "gsm7" | "ucs2";
            error: {
                code: string;
                message: string;
            } | null;
            from: string;
            /** Format: uuid */
            id: string;
            parts: {
                /** @description The dispatch attempt that sent this part. A part sent more than once has a row per submission. */
                attempt: number;
                carrier: string;
                carrierMessageId: string;
                partNo: number;
                receipt: {
                    at: string;
                    err: string | null;
                    stat: string;
                } | null;
                submittedAt: string;
            }[];
            reference: string | null;
            /**
             * @description The template’s region; null for messages from before it was kept.
             * @enum {string|null}
             */
            region: "mainland" | "international" | null;
            /** Format: uuid */
            requestId: string;
            segments: number;
            sendAt: string | null;
            /** @description The signature of a mainland message (in 【】 in its text). */
            signature: string | null;
            status: components["schemas"]["MessageStatus"];
            templateId: string;
            text: string;
            timeline: {
                at: string;
                detail?: {
                    [key: string]: unknown;
                };
                /** @description accepted | scheduled | failover (an upstream passed over, and why) | retry (an attempt tried again, and why; code ATTEMPT_UNRECORDED when its worker stopped before recording it, so the message may have gone out twice) | submitted | receipt | a final status | callback */
                event: string;
            }[];
            to: string;
        };
        MessageExport: {
            /** @description Size of the file so far. */
            bytes: number;
            createdAt: string;
            /** @description Where to fetch the file while it is `ready` (with the same credentials); null otherwise. */
            downloadUrl: string | null;
            error: string | null;
            /** @description When the file is deleted: a day after it is ready. */
            expiresAt: string;
            filters: {
                [key: string]: unknown;
            };
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Messages written so far. */
            rows: number;
            /**
             * @description `running` while the file is written, `ready` to download, `failed` (see `error`), `expired` once the file is deleted.
             * @enum {string}
             */
            state: "running" | "ready" | "failed" | "expired";
        };
        MessageExportRequest: {
            /**
             * @description Start the file with a UTF-8 byte order mark, by which spreadsheets (Excel) read Chinese text right.
             * @default false
             */
            bom: boolean;
            /** Format: uuid */
            campaignId?: string;
            /**
             * @description The upstream that carried the message.
             * @example cmcc
             */
            carrier?: string;
            /**
             * @description The recipient’s country.
             * @example GB
             */
            country?: string;
            /**
             * @description The error code of failed and undelivered messages.
             * @example UNDELIV
             */
            errorCode?: string;
            /**
             * @description The template’s region.
             * @enum {string}
             */
            region?: "mainland" | "international";
            /** Format: uuid */
            requestId?: string;
            /** @description The signature of mainland messages. */
            signature?: string;
            /**
             * Format: date-time
             * @description Accepted at or after this time (ISO 8601).
             */
            since?: string;
            /**
             * @description Any of these states, comma-separated.
             * @example undelivered,failed
             */
            status?: string;
            templateId?: string;
            /**
             * @description The recipient, exactly.
             * @example +8613812345678
             */
            to?: string;
            /**
             * @description The recipient’s first digits, + included.
             * @example +86138
             */
            toPrefix?: string;
            /**
             * Format: date-time
             * @description Accepted before this time (ISO 8601).
             */
            until?: string;
        };
        MessageList: {
            messages: components["schemas"]["MessageSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @enum {string} */
        MessageStatus: "scheduled" | "accepted" | "submitted" | "delivered" | "undelivered" | "expired" | "rejected" | "failed" | "cancelled";
        MessageSummary: {
            /** Format: uuid */
            campaignId: string | null;
            /** @description The upstream that carried the message (or gave the final answer). */
            carrier: string | null;
            completedAt: string | null;
            /** @description The recipient’s country (ISO 3166); null for messages from before it was kept. */
            country: string | null;
            createdAt: string;
            error: {
                code: string;
                message: string;
            } | null;
            from: string;
            /** Format: uuid */
            id: string;
            reference: string | null;
            /**
             * @description The template’s region; null for messages from before it was kept.
             * @enum {string|null}
             */
            region: "mainland" | "international" | null;
            /** Format: uuid */
            requestId: string;
            segments: number;
            sendAt: string | null;
            /** @description The signature of a mainland message (in 【】 in its text). */
            signature: string | null;
            status: components["schemas"]["MessageStatus"];
            submittedAt: string | null;
            templateId: string;
            to: string;
        };
        NewAppCredentials: components["schemas"]["AppCredentials"] & {
            /** @description Signs the app’s callbacks (`webhook-signature`); shown only in this answer. */
            signingSecret: string;
        };
        NewPackage: {
            /** @description An order number or a note. */
            reference?: string;
            /**
             * @description `mainland` (Chinese-mainland numbers) or `international`.
             * @enum {string}
             */
            scope: "mainland" | "international";
            segments: number;
            /**
             * @description Bought by the tenant, or granted by the platform.
             * @default purchase
             * @enum {string}
             */
            source: "purchase" | "grant";
            /** @default 365 */
            validDays: number;
            /**
             * Format: date-time
             * @description When the package begins (default now).
             */
            validFrom?: string;
        };
        NewTemplateVersionRequest: {
            body: string;
            name?: string;
            /** @description One type per variable ${1}, ${2}, …: code (≤8 letters/digits), number (≤20 digits), amount (≤20 digits, dots, commas), date (≤20), phone (≤20 digits, +, -, spaces), other (≤35, no dots). Default: a verification template’s ${1} is the code, the rest other. */
            variables?: ("code" | "number" | "amount" | "date" | "phone" | "other")[];
        };
        Notice: {
            at: string;
            /** @description `traffic_alarm`: period, periodStart, count; `suspended`: reason, until, period, periodStart; `suspension_ended`: reason, liftedByOperator; `quota_alarm`: scope, threshold, remaining; `quota_runout` and `quota_resumed`: holdId (and reason). */
            details: {
                [key: string]: unknown;
            };
            /** @description Unique among the tenant’s notices. */
            id: string;
            /** @enum {string} */
            kind: "traffic_alarm" | "suspended" | "suspension_ended" | "quota_alarm" | "quota_runout" | "quota_resumed";
        };
        NoticeList: {
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            notices: components["schemas"]["Notice"][];
        };
        Package: {
            createdAt: string;
            expiresAt: string;
            /** Format: uuid */
            id: string;
            reference: string | null;
            remaining: number;
            /**
             * @description `mainland` (Chinese-mainland numbers) or `international`.
             * @enum {string}
             */
            scope: "mainland" | "international";
            segments: number;
            /** @enum {string} */
            source: "purchase" | "grant";
            /** @enum {string} */
            state: "active" | "used_up" | "expired" | "not_yet_valid";
            used: number;
            validFrom: string;
        };
        PortedNumber: {
            importedAt: string;
            /** @enum {string} */
            network: "cmcc" | "ctcc" | "cucc" | "cbn";
            number: string;
        };
        PriceTable: {
            createdAt: string;
            currency: string;
            note: string;
            prices: {
                /** @description ISO 3166 code, or `*` for every other country of the scope (required for both scopes). */
                country: string;
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
                /** @description Per billable segment, in minor units. */
                segmentPrice: number;
            }[];
            version: number;
        };
        PriceTableSettings: {
            /** @example CNY */
            currency: string;
            note?: string;
            prices: {
                /** @description ISO 3166 code, or `*` for every other country of the scope (required for both scopes). */
                country: string;
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
                /** @description Per billable segment, in minor units. */
                segmentPrice: number;
            }[];
        };
        QuotaAlarms: {
            alarms: {
                /** @description False once the balance fell below the threshold, until a top-up lifts it back. */
                armed: boolean;
                firedAt: string | null;
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
                threshold: number;
            }[];
        };
        QuotaAlarmsSettings: {
            /** @description Up to 10 thresholds on remaining segments; crossing one sends one SMS to the contact numbers and a callback event. */
            alarms: {
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
                threshold: number;
            }[];
        };
        RegionSettings: {
            /** @description Countries for the calling app only, instead of the tenant’s; null to follow the tenant. */
            appCountries?: string[] | null;
            /** @description Where international SMS may go; the Chinese mainland always may. `*` for every country. */
            countries: string[];
            /**
             * @description By number prefix: deny wins over everything; allow admits a number whatever its country.
             * @default []
             */
            rules: {
                /** @enum {string} */
                action: "allow" | "deny";
                prefix: string;
            }[];
        };
        RegionSettingsView: {
            appCountries: string[] | null;
            countries: string[];
            rules: {
                /** @enum {string} */
                action: "allow" | "deny";
                prefix: string;
            }[];
        };
        Reply: {
            /** @description The message it answers: the app’s last one to this number before the reply came; null when none is held. */
            answers: {
                /** Format: uuid */
                messageId: string;
                sentAt: string;
                templateId: string;
            } | null;
            /** Format: uuid */
            appId: string | null;
            /** @description The number that replied (E.164). */
            from: string;
            /**
             * Format: uuid
             * @description The reply’s id, as in its uplink notification (`smsMsgId`).
             */
            id: string;
            /** @description Parts of a long reply that never came (it was delivered without them); null when whole. */
            missingParts: number[] | null;
            receivedAt: string;
            text: string;
            /** @description The number it replied to: the channel number with the app’s extension. */
            to: string;
        };
        ReplyList: {
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            replies: components["schemas"]["Reply"][];
        };
        Review: components["schemas"]["TemplateReview"] | components["schemas"]["SignatureReview"];
        ReviewCalendar: {
            covered: {
                /** @enum {string} */
                source: "operator" | "package";
                year: number;
            }[];
            note: string;
            operatorYears: {
                holidays: string[];
                workdays: string[];
                year: number;
            }[];
        };
        ReviewDecision: {
            /** @enum {string} */
            decision: "approve";
        } | {
            /** @enum {string} */
            decision: "reject";
            reason: string;
        } | {
            /** @enum {string} */
            decision: "request_documents";
            reason: string;
        };
        Route: {
            carrierId: string;
            country: string;
            /** Format: uuid */
            id: string;
            /** @enum {string|null} */
            network: "cmcc" | "ctcc" | "cucc" | "cbn" | null;
            prefix: string | null;
            priority: number;
        };
        RouteInput: {
            /** @example cmcc */
            carrierId: string;
            country: string;
            /**
             * @description Mainland routes: the network (country CN).
             * @enum {string|null}
             */
            network?: "cmcc" | "ctcc" | "cucc" | "cbn" | null;
            prefix?: string | null;
            /**
             * @description 1 is tried first.
             * @default 1
             */
            priority: number;
        };
        RouteLookup: {
            /** @description Active carriers to try, in order. */
            carriers: {
                id: string;
                /**
                 * @description active: routed to; draining: binds stay up for receipts and replies, no new traffic; off: binds closed.
                 * @enum {string}
                 */
                state: "active" | "draining" | "off";
            }[];
            country: string | null;
            /** @enum {string|null} */
            network: "cmcc" | "ctcc" | "cucc" | "cbn" | null;
            /** @enum {string|null} */
            networkSource: "prefix" | "ported" | null;
            number: string;
        };
        SendMessagesRequest: {
            /**
             * Format: uri
             * @description Where status reports for these messages are POSTed; defaults to the app’s callback URL.
             */
            callbackUrl?: string;
            /**
             * @description Values for the template variables ${1}, ${2}, … in order.
             * @default []
             * @example [
             *       "482913"
             *     ]
             */
            params: string[];
            /** @description Your own reference, echoed in reports. */
            reference?: string;
            /**
             * Format: date-time
             * @description Send later, at this time (ISO 8601); at most 90 days ahead.
             */
            sendAt?: string;
            /** @description Mainland templates: the approved signature to show in 【】; by default the tenant’s only one of the template’s type. */
            signature?: string;
            /** @example a1b2c3d4e5f60718293a4b5c6d7e8f90 */
            templateId: string;
            /**
             * @description Recipients in E.164 (`+` and country code); duplicates are sent once.
             * @example [
             *       "+8613800138000"
             *     ]
             */
            to: string[];
        };
        SendMessagesResponse: {
            messages: ({
                /** Format: uuid */
                id: string;
                segments: number;
                status: components["schemas"]["MessageStatus"];
                to: string;
            } | {
                error: {
                    code: string;
                    message: string;
                };
                /** @enum {string} */
                status: "rejected";
                to: string;
            })[];
            /** Format: uuid */
            requestId: string;
        };
        Signature: {
            decidedAt: string | null;
            documents: components["schemas"]["SignatureDocument"][];
            /** @description While documents are requested: when the application expires without them. */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Why it was rejected, or which documents the reviewer asks for. */
            reason: string | null;
            /** @enum {string} */
            state: "in_review" | "documents_requested" | "approved" | "rejected" | "expired";
            submittedAt: string;
            /** @enum {string} */
            type: "verification" | "notification";
        };
        SignatureDocument: {
            contentType: string;
            fileName: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "attorney_letter" | "business_license";
            sha256: string;
            size: number;
            uploadedAt: string;
        };
        SignatureDocumentsRequest: {
            /**
             * Format: binary
             * @description Letter of attorney: PDF, JPEG or PNG, at most 5 MB.
             */
            attorneyLetter?: string;
            /**
             * Format: binary
             * @description Business license: PDF, JPEG or PNG, at most 5 MB.
             */
            businessLicense?: string;
        };
        SignatureReview: {
            decidedAt: string | null;
            /** Format: uuid */
            decidedBy: string | null;
            documents: (components["schemas"]["SignatureDocument"] & {
                /** @description Path to download it (reviewers only). */
                download: string;
            })[];
            expiresAt: string | null;
            /** @enum {string} */
            kind: "signature";
            name: string;
            reason: string | null;
            /** Format: uuid */
            reviewId: string;
            /** @enum {string} */
            state: "in_review" | "documents_requested" | "approved" | "rejected" | "expired";
            submittedAt: string;
            /** Format: uuid */
            tenantId: string;
            /** @enum {string} */
            type: "verification" | "notification";
            /** @description The review’s workflow in Temporal, to follow in the Temporal UI. */
            workflowId: string;
        };
        SignIn: {
            /** @example owner@example.com */
            email: string;
            password: string;
        };
        SigningSecret: {
            /** Format: uuid */
            id: string;
            /** @description The new callback signing secret (`whsec_…`); shown only in this answer. */
            signingSecret: string;
        };
        SmppSettings: {
            /** @description TON/NPI per kind of address where the carrier wants other values than those detected. */
            addresses: {
                /** @description A sender name. Detected: 5/0. */
                alphanumericSource?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
                /** @description The recipient (E.164 digits without +). Detected: 1/1. */
                destination?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
                /** @description A full international sender number. Detected: 1/1. */
                internationalSource?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
                /** @description A short code or mainland service number (106…). Detected: 0/1. */
                nationalSource?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
            };
            /** @description address_range in the bind (the MO numbers the session receives), when the carrier asks. Default empty. */
            addressRange: string;
            /**
             * @description `transceiver`: one session both ways (default). `transmitter-receiver`: a transmitter for submits and a receiver for receipts and replies, per bind.
             * @enum {string}
             */
            bindMode: "transceiver" | "transmitter-receiver";
            /**
             * @description Long messages: `udh` an 8-bit reference in a user data header (default), `sar` the SAR TLVs (16-bit reference), `payload` the whole text in one submit_sm’s message_payload for the SMSC to split.
             * @enum {string}
             */
            concatenation: "udh" | "sar" | "payload";
            /** @description data_coding of GSM-alphabet text: 0 the SMSC default alphabet (GSM 03.38, default), 1 IA5/ASCII, 3 Latin-1; characters that coding lacks go as `?`. UCS-2 text is always 8. */
            defaultDataCoding: 0 | 1 | 3;
            /** @description Period of our enquire_link. Default 30. */
            enquireLinkSeconds: number;
            /** @description How long the SMSC has to answer a bind, submit_sm or enquire_link. Default 10. */
            responseTimeoutSeconds: number;
            /** @description system_type in the bind, when the carrier assigns one. Default empty. */
            systemType: string;
            /** @description SMPP over TLS when set (`{}` trusts the system’s CAs). Default null: plain TCP. */
            tls: {
                /** @description Certificates to trust besides the system’s: the carrier’s CA or its self-signed certificate. */
                caPem?: string;
                /** @description The name the server’s certificate must carry, when it is not the host. */
                serverName?: string;
            } | null;
            /** @description validity_period (relative): how long the SMSC keeps trying. null (default): the SMSC’s own. */
            validityMinutes: number | null;
        };
        /** @description The carrier’s SMPP settings where they differ from the defaults; given on a change, it replaces the stored settings whole. */
        SmppSettingsInput: {
            /** @description TON/NPI per kind of address where the carrier wants other values than those detected. */
            addresses?: {
                /** @description A sender name. Detected: 5/0. */
                alphanumericSource?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
                /** @description The recipient (E.164 digits without +). Detected: 1/1. */
                destination?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
                /** @description A full international sender number. Detected: 1/1. */
                internationalSource?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
                /** @description A short code or mainland service number (106…). Detected: 0/1. */
                nationalSource?: {
                    /** @description Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP. */
                    npi: 0 | 1 | 3 | 4 | 6 | 8 | 9 | 10 | 14 | 18;
                    /** @description Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated. */
                    ton: number;
                };
            };
            /** @description address_range in the bind (the MO numbers the session receives), when the carrier asks. Default empty. */
            addressRange?: string;
            /**
             * @description `transceiver`: one session both ways (default). `transmitter-receiver`: a transmitter for submits and a receiver for receipts and replies, per bind.
             * @enum {string}
             */
            bindMode?: "transceiver" | "transmitter-receiver";
            /**
             * @description Long messages: `udh` an 8-bit reference in a user data header (default), `sar` the SAR TLVs (16-bit reference), `payload` the whole text in one submit_sm’s message_payload for the SMSC to split.
             * @enum {string}
             */
            concatenation?: "udh" | "sar" | "payload";
            /** @description data_coding of GSM-alphabet text: 0 the SMSC default alphabet (GSM 03.38, default), 1 IA5/ASCII, 3 Latin-1; characters that coding lacks go as `?`. UCS-2 text is always 8. */
            defaultDataCoding?: 0 | 1 | 3;
            /** @description Period of our enquire_link. Default 30. */
            enquireLinkSeconds?: number;
            /** @description How long the SMSC has to answer a bind, submit_sm or enquire_link. Default 10. */
            responseTimeoutSeconds?: number;
            /** @description system_type in the bind, when the carrier assigns one. Default empty. */
            systemType?: string;
            /** @description SMPP over TLS when set (`{}` trusts the system’s CAs). Default null: plain TCP. */
            tls?: {
                /** @description Certificates to trust besides the system’s: the carrier’s CA or its self-signed certificate. */
                caPem?: string;
                /** @description The name the server’s certificate must carry, when it is not the host. */
                serverName?: string;
            } | null;
            /** @description validity_period (relative): how long the SMSC keeps trying. null (default): the SMSC’s own. */
            validityMinutes?: number | null;
        };
        StatFigures: {
            cancelled: number;
            delivered: number;
            /** @description delivered / (delivered + failed); null until one ended. */
            deliveryRate: number | null;
            /** @description Median and 95th percentile of the time from the send time to delivery, read from a histogram (within its bucket); null without deliveries. */
            deliveryTimeMs: {
                p50: number;
                p95: number;
            } | null;
            /** @description Ended without delivery (undelivered, expired, rejected, failed); by reason in `failures`. */
            failed: number;
            /** @description Failed messages by error code, most first. */
            failures: {
                count: number;
                reason: string;
            }[];
            /** @description Messages accepted to go in the period (by their send time), cancelled ones included. */
            messages: number;
            /** @description Still on their way: scheduled, queued, or waiting for a receipt. */
            pending: number;
            /** @description Billable segments of those messages. */
            segments: number;
        };
        Statistics: {
            /** @enum {string} */
            granularity: "hour" | "day" | "total";
            /** @enum {string|null} */
            groupBy: "region" | "country" | "template" | "signature" | "carrier" | "campaign" | "status" | null;
            /** @description By period then key; a period or key without messages has no row. */
            rows: components["schemas"]["StatRow"][];
            /** @description The start of the range counted, after rounding to whole periods. */
            since: string;
            timeZone: string;
            totals: components["schemas"]["StatFigures"];
            until: string;
        };
        StatRow: {
            cancelled: number;
            delivered: number;
            /** @description delivered / (delivered + failed); null until one ended. */
            deliveryRate: number | null;
            /** @description Median and 95th percentile of the time from the send time to delivery, read from a histogram (within its bucket); null without deliveries. */
            deliveryTimeMs: {
                p50: number;
                p95: number;
            } | null;
            /** @description Ended without delivery (undelivered, expired, rejected, failed); by reason in `failures`. */
            failed: number;
            /** @description Failed messages by error code, most first. */
            failures: {
                count: number;
                reason: string;
            }[];
            /** @description The `groupBy` value (null: unknown or none, such as a message of no campaign); null without `groupBy`. */
            key: string | null;
            /** @description Messages accepted to go in the period (by their send time), cancelled ones included. */
            messages: number;
            /** @description Still on their way: scheduled, queued, or waiting for a receipt. */
            pending: number;
            /** @description The hour (`2026-12-07T13:00`) or day (`2026-12-07`) in `timeZone`; null for `total`. */
            period: string | null;
            /** @description Billable segments of those messages. */
            segments: number;
            /** @description When the period starts (ISO 8601); null for `total`. */
            start: string | null;
        };
        StatsTimeZone: {
            /**
             * @description Where the tenant’s statistics days start (IANA name, a whole number of hours from UTC).
             * @example Asia/Shanghai
             */
            timeZone: string;
        };
        Template: {
            approvedVersion: number | null;
            /** @description The text sends use: the approved version’s. */
            body: string;
            id: string;
            name: string;
            /** @enum {string} */
            region: "mainland" | "international";
            /** @description The live state of the open review, from its workflow. */
            review: {
                dueAt?: string;
                opensAt?: string;
                state: string;
            } | null;
            /** @enum {string} */
            status: "approved" | "pending" | "rejected" | "withdrawn";
            /** @enum {string} */
            type: "verification" | "notification";
            versions: components["schemas"]["TemplateVersion"][];
            warnings?: string[];
        };
        TemplateReview: components["schemas"]["TemplateVersion"] & {
            /** @description The version in use while this one is reviewed. */
            approvedVersion: number | null;
            /** Format: uuid */
            decidedBy: string | null;
            /** @enum {string} */
            kind: "template";
            /** @enum {string} */
            region: "mainland" | "international";
            templateId: string;
            /** Format: uuid */
            tenantId: string;
            /** @enum {string} */
            type: "verification" | "notification";
            /** @description The review’s workflow in Temporal, to follow in the Temporal UI. */
            workflowId: string;
        };
        TemplateVersion: {
            body: string;
            /** @description Days the review calendar had no holiday data for and judged Monday–Friday. */
            calendarFallbackDays: string[];
            decidedAt: string | null;
            dueAt: string | null;
            name: string;
            /** @description When the review opens: the next review window on a workday. */
            opensAt: string | null;
            overdue: boolean;
            reason: string | null;
            /** Format: uuid */
            reviewId: string;
            /** @enum {string} */
            state: "waiting" | "in_review" | "approved" | "rejected" | "withdrawn" | "superseded";
            submittedAt: string;
            variables: string[];
            version: number;
        };
        Tenant: {
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        TenantBilling: components["schemas"]["Balance"] & {
            packages: components["schemas"]["Package"][];
        };
        TrafficThresholds: {
            /** @description Where alarms and notices go (E.164). */
            contactNumbers: string[];
            /** @description Messages a day (Asia/Shanghai) at which one alarm SMS goes to the contact numbers. */
            dailyAlarm: number | null;
            /** @description Messages a day at which sending is suspended until midnight. */
            dailyLimit: number | null;
            /** @default null */
            hourlyAlarm: number | null;
            /** @default null */
            hourlyLimit: number | null;
        };
        TrafficThresholdsView: {
            contactNumbers: string[];
            dailyAlarm: number | null;
            dailyLimit: number | null;
            hourlyAlarm: number | null;
            hourlyLimit: number | null;
            suspension: {
                period: string;
                reason: string;
                until: string;
            } | null;
        };
        UnblockRequest: {
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            number: string;
            /** @description Why it ended as it did. */
            outcome: string | null;
            reason: string;
            /** @enum {string} */
            state: "in_review" | "carrier_pending" | "unblocked" | "refused";
            submittedAt: string;
        };
        UnblockRequestList: {
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            requests: components["schemas"]["UnblockRequest"][];
        };
        UnmatchedReceipt: {
            attempts: number;
            carrier: string;
            /** @description The id as stored: its match key when the carrier has numeric message-id formats. */
            carrierMessageId: string;
            err: string;
            id: number;
            /** @description The receipt as the carrier sent it. */
            raw: string;
            receivedAt: string;
            stat: string;
            /**
             * @description retrying: its submit may not be recorded yet; parked: given up on.
             * @enum {string}
             */
            state: "retrying" | "parked";
        };
        UpdateAppRequest: {
            /** Format: uri */
            callbackUrl?: string | null;
            name?: string;
            /** @description Request rate limit of the app; null for the deployment default. */
            requestsPerSecond?: number | null;
            /** @description A new international sender id. */
            senderId?: string;
            /** Format: uri */
            uplinkUrl?: string | null;
            /** @description Refuse a reused WSSE nonce (E000027). Turn off only for a legacy client that reuses nonces. */
            wsseNonceCheck?: boolean;
        };
        UpdateConsoleUser: {
            locale: components["schemas"]["ConsoleLocale"];
        };
        UpdateOwnAppRequest: {
            /** Format: uri */
            callbackUrl?: string | null;
            name?: string;
            /** Format: uri */
            uplinkUrl?: string | null;
        };
        UploadInvalidRow: {
            /** @example invalid_number */
            code: string;
            /** @description The row’s line in the file, from 1. */
            line: number;
            /** @example +86123 is not a valid phone number. */
            message: string;
        };
        Usage: {
            /** @description Per scope, country and currency; segments net of refunds. */
            lines: {
                amount: number;
                country: string;
                currency: string;
                messages: number;
                packageSegments: number;
                payPerUseSegments: number;
                refundedSegments: number;
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
            }[];
            month: string;
            timeZone: string;
            /** @description The lines summed per scope and currency. */
            totals: {
                amount: number;
                currency: string;
                messages: number;
                packageSegments: number;
                payPerUseSegments: number;
                refundedSegments: number;
                /**
                 * @description `mainland` (Chinese-mainland numbers) or `international`.
                 * @enum {string}
                 */
                scope: "mainland" | "international";
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
