export { seriousA11yViolations } from './a11y.ts';
export { chromiumPath, launchChromium } from './browser.ts';
export { pdfFile } from './files.ts';
export {
  fitsViewportWidth,
  signInFromHome,
  signInOfficialFirstTime,
  smallTouchTargets,
  type WatchOptions,
  watchProblems,
} from './page.ts';
export { repoRoot, resultsDir } from './paths.ts';
export { DEMO_PASSWORD, usePhoneSuite } from './phone-suite.ts';
export { ensureWebBuilt, type RunningServer, type StartServerOptions, startServer } from './server.ts';
