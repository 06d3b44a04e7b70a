/**
 * A real WordPress for the plugin's tests: Debian's `wordpress` (6.1), `mariadb-server`,
 * `apache2`, `libapache2-mod-php` and `php-mysql`, installed with apt-get when missing and we are
 * root, started here on 127.0.0.1 only, fresh on every run, and stopped afterwards.
 *
 * Nothing of the machine's own setup is used or changed: MariaDB runs from a new data directory
 * (socket only, no TCP), Apache from its own config file (not /etc/apache2's sites), and
 * WordPress's WP_CONTENT_DIR is a new folder, all under one temporary directory. The one file
 * outside it is Debian's per-site config, /etc/wordpress/config-<name>.php (Debian's
 * wp-config.php reads nothing else), selected with `SetEnv WORDPRESS_CONFIG <name>`, and removed
 * on stop. `stop()` is also run on SIGINT/SIGTERM and at exit, synchronously; what SIGTERM has
 * not stopped within 15 s (Apache, its workers, MariaDB) is SIGKILLed before the files go.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const WORDPRESS = '/usr/share/wordpress';
/** Debian's "may a service start now?" hook; written (exit 101: no) while apt-get installs. */
const POLICY = '/usr/sbin/policy-rc.d';
const POLICY_MARK = '# newsroom-widgets tests: no service starts while apt-get installs';
const PACKAGES = ['wordpress', 'mariadb-server', 'apache2', 'libapache2-mod-php', 'php-mysql'];
/** mod_php as libapache2-mod-php installs it: libphp<version>.so, the newest when there are several. */
const PHP_MODULE = (() => {
  const dir = '/usr/lib/apache2/modules';
  const found = existsSync(dir) ? readdirSync(dir).filter((f) => /^libphp[\d.]*\.so$/.test(f)) : [];
  const version = (f: string) => (f.match(/\d+/g) ?? []).map(Number);
  found.sort((a, b) => {
    const [x, y] = [version(a), version(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if ((x[i] ?? -1) !== (y[i] ?? -1)) return (y[i] ?? -1) - (x[i] ?? -1);
    return 0;
  });
  return `${dir}/${found[0] ?? 'libphp.so'}`;
})();
export const HOW_TO_INSTALL = `sudo apt-get install -y ${PACKAGES.join(' ')}`;

/** Set in CI (`CI=true bash .ci/run`): there a test that cannot run fails, it never skips. */
export const IN_CI = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');
/** How a "cannot run here" line starts: a skip on a developer's machine, a failure in CI. */
export const CANNOT_RUN = IN_CI ? 'cannot run in CI (CI is set, so this fails instead of skipping)' : 'skipped';

/**
 * For a test file that cannot run here (`reason`: the one line saying why, or undefined when it
 * can): outside CI, prints the line, and the file's tests skip with it; in CI, registers one
 * failing test whose error is that line (the real tests are skipped: they cannot run). Returns
 * `reason`, for `{ skip: … ?? false }`.
 */
export function cannotRunHere(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  if (!IN_CI) console.log(reason);
  else
    test('can run here (CI)', () => {
      const error = new Error(reason);
      error.stack = reason; // The line says it all; no stack trace under it.
      throw error;
    });
  return reason;
}

const which = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
const mariadbd = () =>
  which('mariadbd') || which('mysqld') || ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p)) || '';

function missing(): string[] {
  const lacks: string[] = [];
  if (!existsSync(`${WORDPRESS}/wp-settings.php`)) lacks.push('wordpress');
  if (!mariadbd() || !which('mariadb-install-db')) lacks.push('mariadb-server');
  if (!existsSync('/usr/sbin/apache2')) lacks.push('apache2');
  if (!which('php') || !existsSync(PHP_MODULE)) lacks.push('libapache2-mod-php');
  if (which('php') && !spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout.includes('mysqli'))
    lacks.push('php-mysql');
  return lacks;
}

/**
 * Undefined when WordPress can run here (installing Debian's packages first when root with
 * apt-get), else the one line that says how to get it (pass it to cannotRunHere(): a skip
 * outside CI, a failure in CI).
 */
export function ensureWordPress(): string | undefined {
  const root = process.getuid?.() === 0;
  // MariaDB and Apache run here as their own users, from files this process owns: root only.
  if (!root)
    return `WordPress tests ${CANNOT_RUN}: they start MariaDB and Apache themselves, which needs root (sudo npm run test:wordpress)${missing().length ? `, and \`${HOW_TO_INSTALL}\`` : ''}.`;
  if (missing().length === 0) return undefined;
  if (existsSync('/usr/bin/apt-get')) {
    console.error(`wordpress tests: installing Debian's ${PACKAGES.join(', ')} with apt-get…`);
    // Debian starts the services a package installs (Apache on :80, MariaDB); a policy-rc.d
    // that says "no" keeps them stopped, as they were. Containers usually have one already.
    // Ours is removed afterwards, also when this process exits or is stopped by a signal during
    // the install (and one a killed earlier run left, recognised by its comment, counts as ours).
    const ownPolicy = !existsSync(POLICY) || readFileSync(POLICY, 'utf8').includes(POLICY_MARK);
    if (ownPolicy) writeFileSync(POLICY, `#!/bin/sh\n${POLICY_MARK}\nexit 101\n`, { mode: 0o755 });
    let removed = !ownPolicy;
    const removePolicy = () => {
      if (!removed) rmSync(POLICY, { force: true });
      removed = true;
    };
    const onSignal = (signal: NodeJS.Signals) => {
      removePolicy();
      // Then what the signal would have done, unless someone else (node:test, WordPress.start) handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    // Left registered (a signal that came during the synchronous install is handled after it);
    // once the policy is removed they only pass the signal on.
    process.once('exit', removePolicy);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
      execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], {
        stdio: 'ignore',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // Reported below with what is still missing.
    } finally {
      removePolicy();
    }
  }
  const lacks = missing();
  if (lacks.length === 0) return undefined;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get'))
    return `WordPress tests ${CANNOT_RUN}: they need Debian's ${lacks.join(', ')} (Debian/Ubuntu: \`${HOW_TO_INSTALL}\`).`;
  return `WordPress tests ${CANNOT_RUN}: ${lacks.join(', ')} missing and apt-get could not install them; try \`${HOW_TO_INSTALL}\`.`;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}

const uidOf = (user: string) => Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
const gidOf = (user: string) => Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());

/** The processes whose parent is `pid` (Linux's /proc). */
function children(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Whether `pid` still runs (a zombie, dead but not yet reaped, does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // No /proc: kill(0) is all there is.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface User {
  login: string;
  role: 'administrator' | 'editor' | 'author' | 'contributor';
  password: string;
  /** An application password, for the REST API (basic auth). */
  appPassword: string;
  id: number;
}

export class WordPress {
  readonly dir: string;
  readonly name: string;
  readonly url: string;
  readonly contentDir: string;
  readonly users = new Map<User['role'], User>();
  private readonly configFile: string;
  private readonly mysqlDir: string;
  private readonly apacheDir: string;
  private started: { mysql?: number; apache?: number } = {};
  private readonly dbPassword = randomBytes(12).toString('hex');

  readonly port: number;

  private constructor(port: number) {
    this.port = port;
    this.dir = mkdtempSync(join(tmpdir(), 'nw-wordpress-'));
    chmodSync(this.dir, 0o755); // Apache's and MariaDB's users walk through it.
    this.name = `nwtest-${port}-${randomBytes(3).toString('hex')}`;
    this.url = `http://127.0.0.1:${port}`;
    this.contentDir = join(this.dir, 'wp-content');
    this.configFile = `/etc/wordpress/config-${this.name}.php`;
    this.mysqlDir = join(this.dir, 'mysql');
    this.apacheDir = join(this.dir, 'apache');
  }

  /** Starts MariaDB and Apache and installs WordPress with an Administrator, an Editor, an Author and a Contributor. */
  static async start(): Promise<WordPress> {
    const wp = new WordPress(await freePort(8089));
    const stopOnSignal = (signal: NodeJS.Signals) => {
      wp.stop();
      process.kill(process.pid, signal);
    };
    const onExit = () => wp.stop();
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    process.once('exit', onExit);
    wp.detach = () => {
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      process.off('exit', onExit);
    };
    try {
      await wp.startMysql();
      wp.writeConfig();
      await wp.startApache();
      await wp.install();
      wp.createUsers();
    } catch (error) {
      const log = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').slice(-2000) : '');
      wp.stop();
      throw new Error(
        `${error instanceof Error ? error.message : error}\n${log(join(wp.apacheDir, 'error.log'))}${log(join(wp.mysqlDir, 'mysql.err'))}`,
        { cause: error },
      );
    }
    return wp;
  }

  private detach = () => {};

  private async startMysql(): Promise<void> {
    mkdirSync(this.mysqlDir);
    chownSync(this.mysqlDir, uidOf('mysql'), gidOf('mysql'));
    const datadir = join(this.mysqlDir, 'db');
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        '--user=mysql',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--skip-name-resolve',
      ],
      { stdio: 'ignore' },
    );
    const socket = join(this.mysqlDir, 'mysql.sock');
    const child = spawnSync(
      'sh',
      [
        '-c',
        `"$0" --no-defaults --datadir="$1" --user=mysql --socket="$2" --pid-file="$3" --log-error="$4" --skip-networking --skip-name-resolve --innodb-buffer-pool-size=32M --innodb-log-file-size=16M --performance-schema=OFF >/dev/null 2>&1 &`,
        mariadbd(),
        datadir,
        socket,
        join(this.mysqlDir, 'mysql.pid'),
        join(this.mysqlDir, 'mysql.err'),
      ],
      { stdio: 'ignore' },
    );
    if (child.status !== 0) throw new Error('could not start mariadbd');
    await waitFor('MariaDB', () => existsSync(join(this.mysqlDir, 'mysql.pid')) && existsSync(socket));
    this.started.mysql = Number(readFileSync(join(this.mysqlDir, 'mysql.pid'), 'utf8'));
    execFileSync('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-uroot',
      '-e',
      `CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${this.dbPassword}'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`,
    ]);
  }

  private writeConfig(): void {
    for (const sub of ['plugins', 'themes', 'uploads', 'upgrade', 'analyses'])
      mkdirSync(join(this.contentDir, sub), { recursive: true });
    // The themes Debian's package ships (twentytwentythree in 6.1), read-only.
    symlinkSync(`${WORDPRESS}/wp-content/themes/twentytwentythree`, join(this.contentDir, 'themes/twentytwentythree'));
    const www = [uidOf('www-data'), gidOf('www-data')] as const;
    for (const sub of ['', 'plugins', 'themes', 'uploads', 'upgrade', 'analyses'])
      chownSync(join(this.contentDir, sub), ...www);
    const keys = [
      'AUTH_KEY',
      'SECURE_AUTH_KEY',
      'LOGGED_IN_KEY',
      'NONCE_KEY',
      'AUTH_SALT',
      'SECURE_AUTH_SALT',
      'LOGGED_IN_SALT',
      'NONCE_SALT',
    ]
      .map((k) => `define('${k}', '${randomBytes(24).toString('hex')}');`)
      .join('\n');
    mkdirSync('/etc/wordpress', { recursive: true });
    writeFileSync(
      this.configFile,
      `<?php
// Written by newsroom-widgets' WordPress tests for one run; removed when they stop.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '${this.dbPassword}');
define('DB_HOST', 'localhost:${join(this.mysqlDir, 'mysql.sock')}');
define('WP_HOME', '${this.url}');
define('WP_SITEURL', '${this.url}');
define('WP_CONTENT_DIR', '${this.contentDir}');
define('WP_CONTENT_URL', '${this.url}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${join(this.dir, 'debug.log')}');
${keys}
`,
      { mode: 0o640 },
    );
    chownSync(this.configFile, 0, gidOf('www-data'));
    writeFileSync(join(this.dir, 'debug.log'), '');
    chownSync(join(this.dir, 'debug.log'), ...www);
  }

  private async startApache(): Promise<void> {
    mkdirSync(this.apacheDir);
    const mod = (name: string, file = `mod_${name}.so`) => `LoadModule ${name}_module /usr/lib/apache2/modules/${file}`;
    const conf = join(this.apacheDir, 'apache2.conf');
    writeFileSync(
      conf,
      `# newsroom-widgets' WordPress tests: one site on 127.0.0.1:${this.port}, for one run.
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:${this.port}
PidFile ${this.apacheDir}/apache2.pid
Mutex file:${this.apacheDir} default
ErrorLog ${this.apacheDir}/error.log
LogLevel warn
User www-data
Group www-data
${mod('mpm_prefork')}
${mod('authz_core')}
${mod('dir')}
${mod('mime')}
${mod('env')}
${mod('alias')}
${mod('php', PHP_MODULE.split('/').pop())}
StartServers 3
MinSpareServers 3
MaxSpareServers 6
MaxRequestWorkers 12
TypesConfig /etc/mime.types
DirectoryIndex index.php index.html
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
SetEnv WORDPRESS_CONFIG ${this.name}
DocumentRoot ${WORDPRESS}
Alias /wp-content ${this.contentDir}
<Directory />
  Require all denied
</Directory>
<Directory ${WORDPRESS}>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<Directory ${this.contentDir}>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<Directory ${WORDPRESS}/wp-content/themes>
  Require all granted
</Directory>
`,
    );
    execFileSync('/usr/sbin/apache2', ['-f', conf, '-k', 'start'], { stdio: ['ignore', 'ignore', 'pipe'] });
    await waitFor('Apache', () => existsSync(join(this.apacheDir, 'apache2.pid')));
    this.started.apache = Number(readFileSync(join(this.apacheDir, 'apache2.pid'), 'utf8'));
  }

  private async install(): Promise<void> {
    const form = new URLSearchParams({
      weblog_title: 'Newsroom test',
      user_name: 'admin',
      admin_password: 'admin-password-for-tests',
      admin_password2: 'admin-password-for-tests',
      pw_weak: '1',
      admin_email: 'admin@example.org',
      blog_public: '0',
      language: '',
    });
    const response = await fetch(`${this.url}/wp-admin/install.php?step=2`, { method: 'POST', body: form });
    const html = await response.text();
    if (!response.ok || !/Success!|wp-login\.php/.test(html))
      throw new Error(`WordPress install failed: ${response.status} ${html.slice(0, 500)}`);
  }

  /** Runs PHP as www-data with WordPress loaded (`wp-load.php`); returns stdout. */
  php(code: string): string {
    const file = join(this.dir, `script-${randomBytes(4).toString('hex')}.php`);
    writeFileSync(file, `<?php\nrequire '${WORDPRESS}/wp-load.php';\n${code}\n`);
    chmodSync(file, 0o644);
    try {
      return execFileSync('php', [file], {
        encoding: 'utf8',
        uid: uidOf('www-data'),
        gid: gidOf('www-data'),
        cwd: this.dir,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HTTP_HOST: `127.0.0.1:${this.port}`,
          WORDPRESS_CONFIG: this.name,
        },
      });
    } finally {
      rmSync(file, { force: true });
    }
  }

  private createUsers(): void {
    const out = this.php(`
$out = array();
foreach ( array( 'administrator' => 'admin', 'editor' => 'edna', 'author' => 'arturo', 'contributor' => 'carla' ) as $role => $login ) {
  $password = $login . '-password-for-tests';
  $id = username_exists( $login );
  if ( ! $id ) {
    $id = wp_insert_user( array( 'user_login' => $login, 'user_pass' => $password, 'user_email' => $login . '@example.org', 'role' => $role, 'display_name' => ucfirst( $login ) ) );
  }
  if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
  list( $app ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'tests' ) );
  $out[] = array( 'role' => $role, 'login' => $login, 'password' => $password, 'appPassword' => $app, 'id' => (int) $id );
}
echo wp_json_encode( $out );
`);
    for (const user of JSON.parse(out) as User[]) this.users.set(user.role, user);
  }

  user(role: User['role']): User {
    const user = this.users.get(role);
    if (!user) throw new Error(`no ${role}`);
    return user;
  }

  /** A REST request as `role`, with its application password (so kses applies as for that role). */
  async rest<T = any>(
    role: User['role'],
    route: string,
    init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T }> {
    const user = this.user(role);
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${user.login}:${user.appPassword}`).toString('base64')}`,
      ...init.headers,
    };
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const [path, query] = route.split('?');
    const response = await fetch(`${this.url}/?rest_route=${path}${query ? `&${query}` : ''}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: returned as text.
    }
    return { status: response.status, body: parsed as T };
  }

  /** Logs in with the login form; returns the Cookie header for wp-admin requests. */
  async login(role: User['role']): Promise<string> {
    const user = this.user(role);
    const response = await fetch(`${this.url}/wp-login.php`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
      body: new URLSearchParams({
        log: user.login,
        pwd: user.password,
        'wp-submit': 'Log In',
        testcookie: '1',
        redirect_to: `${this.url}/wp-admin/`,
      }),
    });
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (!cookies.some((c) => c.startsWith('wordpress_logged_in_')))
      throw new Error(`login as ${user.login} failed: ${response.status}`);
    return cookies.join('; ');
  }

  /** Uploads a plugin zip through Plugins → Add New → Upload, as the Administrator. */
  async uploadPlugin(zipPath: string): Promise<string> {
    const cookie = await this.login('administrator');
    const form = await (
      await fetch(`${this.url}/wp-admin/plugin-install.php?tab=upload`, { headers: { cookie } })
    ).text();
    const nonce = /name="_wpnonce" value="([^"]+)"/.exec(form)?.[1];
    if (!nonce) throw new Error('no upload nonce on plugin-install.php');
    const body = new FormData();
    body.set('_wpnonce', nonce);
    body.set('_wp_http_referer', '/wp-admin/plugin-install.php?tab=upload');
    body.set('pluginzip', new Blob([readFileSync(zipPath)], { type: 'application/zip' }), zipPath.split('/').pop()!);
    body.set('install-plugin-submit', 'Install Now');
    const response = await fetch(`${this.url}/wp-admin/update.php?action=upload-plugin`, {
      method: 'POST',
      headers: { cookie },
      body,
    });
    return response.text();
  }

  /** Copies a file into wp-content/analyses/ (served as is); returns its URL. */
  putAnalysis(name: string, from: string): string {
    copyFileSync(from, join(this.contentDir, 'analyses', name));
    return `${this.url}/wp-content/analyses/${name}`;
  }

  /** Writes a file into wp-content/analyses/; returns its URL. */
  writeAnalysis(name: string, text: string): string {
    writeFileSync(join(this.contentDir, 'analyses', name), text);
    return `${this.url}/wp-content/analyses/${name}`;
  }

  /** PHP's notices, warnings and errors logged during the run (WP_DEBUG_LOG). */
  debugLog(): string {
    const file = join(this.dir, 'debug.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** Stops what start() started, removes the per-run config and files. Safe to call twice. */
  stop(): void {
    const { apache, mysql } = this.started;
    this.started = {};
    const pids = [apache, mysql].filter((pid): pid is number => pid !== undefined && alive(pid));
    // Apache's workers too: a SIGKILLed parent would leave them running.
    const workers = pids.flatMap(children);
    for (const pid of pids) process.kill(pid, 'SIGTERM');
    const running = () => [...pids, ...workers].filter(alive);
    for (let i = 0; i < 150 && running().length > 0; i++) sleepSync(100);
    // Still there after 15 s: killed, so nothing of them outlives the folders removed below.
    for (const pid of running()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    for (let i = 0; i < 50 && running().length > 0; i++) sleepSync(100);
    rmSync(this.configFile, { force: true });
    if (!process.env.NW_KEEP_WORDPRESS) rmSync(this.dir, { recursive: true, force: true });
    this.detach();
  }
}
