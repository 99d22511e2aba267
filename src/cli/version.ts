// The version printed by --version and written into SARIF; esbuild inlines package.json at build time.
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
