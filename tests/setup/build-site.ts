import { execSync } from 'node:child_process';

/**
 * Site and browser tests inspect the real build: build once before them, exactly as the README's
 * build command does (set SKIP_SITE_BUILD=1 to reuse an existing dist/ while iterating).
 */
export default function buildSite(): void {
  if (process.env.SKIP_SITE_BUILD) return;
  execSync('npm run build', { stdio: 'inherit', env: { ...process.env, BASE_PATH: '' } });
}
