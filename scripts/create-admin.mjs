#!/usr/bin/env node
// Creates the first administrator of a municipality in the database named by DATABASE_URL (migrating it first).
//
//   DATABASE_URL=postgres://… npm run create-admin -- --email anna@kommun.se --name "Anna Andersson" \
//     --municipality "Exempelstad"
//
// The password comes from ADMIN_PASSWORD, or is asked for twice without echo (at least 12 characters).
// Nothing personal is printed.
import { ensureInstalled, importTs, loadDotEnv } from './lib/common.mjs';

const USAGE = `Usage: npm run create-admin -- --email <e-mail> --name "<full name>" --municipality "<municipality>"

Creates an administrator in the database named by DATABASE_URL (migrations are run first).
The password is read from ADMIN_PASSWORD, or asked for without echo.
To use the embedded database of a running "npm start", set DATABASE_URL to the URL it printed.`;

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    const match = /^--(email|name|municipality)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument: ${arg}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    options[match[1]] = value.trim();
  }
  return options;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question) {
  return new Promise((resolve, reject) => {
    const { stdin, stdout } = process;
    if (!stdin.isTTY) {
      reject(new Error('no terminal to ask for the password: set ADMIN_PASSWORD'));
      return;
    }
    stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === null) {
    console.log(USAGE);
    return 0;
  }
  const missing = ['email', 'name', 'municipality'].filter((key) => !options[key]);
  if (missing.length > 0) {
    console.error(`Missing: ${missing.map((key) => `--${key}`).join(', ')}\n\n${USAGE}`);
    return 2;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) {
    console.error('--email does not look like an e-mail address.');
    return 2;
  }
  loadDotEnv();
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL is not set.\n\n${USAGE}`);
    return 2;
  }

  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    password = await askHidden('Password for the administrator: ');
    const again = await askHidden('Same password again: ');
    if (password !== again) {
      console.error('The passwords differ; nothing was created.');
      return 1;
    }
  }
  if (password.length < 12 || password.length > 200) {
    console.error('The password must be 12 to 200 characters long; nothing was created.');
    return 1;
  }

  await ensureInstalled();
  const db = await importTs('packages/db/src/index.ts');
  console.log('Applying migrations…');
  await db.runMigrations(url);
  await db.createAdministrator(url, {
    email: options.email,
    name: options.name,
    password,
    municipalityName: options.municipality,
  });
  console.log(`Administrator created for the municipality "${options.municipality}". They can now sign in to the staff portal.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Errors from the database can quote values; print the message only, never the password.
    console.error(`create-admin failed: ${error?.message ?? error}`);
    process.exit(1);
  },
);
