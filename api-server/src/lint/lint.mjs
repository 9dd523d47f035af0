// Lints the OpenAPI document that ApiDocsIntegrationTests wrote to target/openapi.json with
// Redocly (recommended) and Spectral (spectral:oas); exits non-zero on any error of either.
// Run by the api-server build in phase verify, from the module's directory.
//
// The linters are installed with `npm ci` from the committed lock file into target/lint, and only
// again when that lock file changes: an install takes half a minute.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = 'src/lint';
const work = 'target/lint';
const document = 'target/openapi.json';
const stamp = join(work, 'node_modules', '.upwatch-installed-lock.json');

// The build deletes the document when it starts, so a missing one means the test did not run in
// this build. That is expected only when tests were skipped or a selection left it out.
if (!existsSync(document)) {
  const given = (value) => value && !value.startsWith('${') && value !== 'false';
  if (['TEST_SELECTION', 'SKIP_TESTS', 'MAVEN_TEST_SKIP'].some((name) => given(process.env[name]))) {
    console.log(`[apidocs] ${document} was not written (tests skipped or not selected); no lint.`);
    process.exit(0);
  }
  console.error(`[apidocs] ${document} is missing: ApiDocsIntegrationTests must write it.`);
  process.exit(1);
}

function run(command, args, cwd = '.') {
  console.log(`[apidocs] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: quiet() });
  if (result.error) {
    console.error(`[apidocs] cannot run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status;
}

// No telemetry, update notices or analytics from the linters on a build machine.
function quiet() {
  return {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    SCARF_ANALYTICS: 'false',
  };
}

const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  mkdirSync(work, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    copyFileSync(join(source, file), join(work, file));
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'];
  if (run(npm, args, work) !== 0) {
    console.error('[apidocs] npm ci failed; offline, skip the lint with -Dapidocs.lint.skip');
    process.exit(1);
  }
  writeFileSync(stamp, lock);
}

const bin = (name) => join(work, 'node_modules', '.bin', name);
const redocly = run(bin('redocly'), [
  'lint',
  '--config',
  join(source, 'redocly.yaml'),
  '--format',
  'stylish',
  document,
]);
const spectral = run(bin('spectral'), [
  'lint',
  '--ruleset',
  join(source, 'spectral.yaml'),
  '--fail-severity',
  'error',
  document,
]);
if (redocly !== 0 || spectral !== 0) {
  console.error('[apidocs] the OpenAPI document has lint errors (see above).');
  process.exit(1);
}
