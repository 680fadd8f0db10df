/**
 * The wheel platform tag for pip's `--platform`, from Node's view of the machine (which is what has to run the binary;
 * pip alone would go by the Python interpreter, which can differ, e.g. an x86_64 Python under Rosetta).
 * `undefined`: no wheel exists for this machine; use the fallbacks.
 */
export function wheelPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string | undefined {
  if (platform === 'linux' && arch === 'x64') return 'manylinux2014_x86_64';
  if (platform === 'linux' && arch === 'arm64') return 'manylinux2014_aarch64';
  if (platform === 'darwin' && arch === 'x64') return 'macosx_10_9_x86_64';
  if (platform === 'darwin' && arch === 'arm64') return 'macosx_11_0_arm64';
  return undefined;
}
