import { execSync } from 'node:child_process';

/**
 * Site and browser tests inspect the real build: build once before them, exactly as the README's
 * build command does (set SKIP_SITE_BUILD=1 to reuse an existing dist/ while iterating).
 */
export default function buildSite(): void {
  if (process.env.SKIP_SITE_BUILD) return;
  execSync('npm run build', { stdio: 'inherit', env: cleanBuildEnv() });
}

/**
 * Vitest sets Vite's own variables (BASE_URL, PROD, MODE, NODE_ENV=test…) in the test process; an
 * `astro build` started from here would read them, so it gets the environment a shell would have.
 */
export function cleanBuildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'PROD', 'DEV', 'SSR', 'MODE', 'NODE_ENV', 'BASE_PATH']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return { ...env, ...extra };
}
