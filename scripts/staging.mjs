// Shared by the post-build steps: the directory Trunk stages the site in.
// A step that only applies to release builds passes `releaseOnly`, and then
// ends its process quietly in a debug build (post-build.mjs runs each step
// as its own process, so the steps after it still run).

/** The staged directory (TRUNK_STAGING_DIR, or the first argument); exits if there is none. */
export function stagedDir(step, { releaseOnly = null } = {}) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) {
    console.error(`${step}: set TRUNK_STAGING_DIR (Trunk does) or pass the staged directory`);
    process.exit(1);
  }
  if (releaseOnly && process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") {
    console.log(`${step}: not a release build; ${releaseOnly}`);
    process.exit(0);
  }
  return dir;
}
