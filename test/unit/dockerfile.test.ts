// The Dockerfile, read as text (no image is built here): its command is the README's, and what it
// copies from the checkout is there, not left out of the build context, and all the builds read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../server/paths.js';

const read = (name: string) => readFileSync(join(PACKAGE_ROOT, name), 'utf8');
/** Instructions one per entry, continuation lines joined and comments dropped. */
const instructions = read('Dockerfile')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
/** The sources of each COPY from the build context (not from another stage). */
const copied = instructions
  .filter((line) => /^COPY\s/i.test(line) && !/--from=/i.test(line))
  .flatMap((line) => line.split(/\s+/).slice(1, -1));
const ignored = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('Dockerfile', () => {
  it('SPEC 9.10 its command is the start command of the README', () => {
    const readme = read('README.md');
    const install = /Install and start Tandem[^\n]*\n+```sh\n([^\n]+)\n```/.exec(readme);
    expect(install, 'the README shows how to install and start Tandem').not.toBeNull();
    const start = install![1].split('&&').at(-1)!.trim();
    const cmd = instructions.filter((line) => line.startsWith('CMD '));
    expect(cmd).toHaveLength(1);
    expect((JSON.parse(cmd[0].slice(4)) as string[]).join(' ')).toBe(start);
    expect(start).toBe('npm start');
  });

  it('SPEC 9.10 every file it copies from the checkout exists and is in the build context', () => {
    expect(copied.length).toBeGreaterThan(0);
    for (const source of copied) {
      expect(existsSync(join(PACKAGE_ROOT, source)), `${source} exists`).toBe(true);
      const leftOut = ignored.filter((entry) => source === entry || source.startsWith(`${entry}/`));
      expect(leftOut, `${source} is not in .dockerignore`).toEqual([]);
    }
  });

  it('SPEC 9.10 it copies every folder the server and client builds and `npm start` read', () => {
    const serverBuild = JSON.parse(read('tsconfig.server.json')) as { include: string[]; extends: string };
    const needed = [...serverBuild.include, 'client', 'bin', 'package.json', 'package-lock.json', 'tsconfig.server.json', serverBuild.extends.replace(/^\.\//, '')];
    for (const path of needed) expect(copied, `${path} is copied`).toContain(path);
  });

  it('SPEC 9.10 the running image listens on every interface, keeps its data in /data and runs on Node 20', () => {
    const stages = instructions.filter((line) => line.startsWith('FROM '));
    expect(stages.at(-1)).toMatch(/^FROM node:20-\S*slim\b/);
    const env = instructions.filter((line) => line.startsWith('ENV ')).join(' ');
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(env).toMatch(/\bDATA_DIR=\/data\b/);
    expect(instructions).toContain('VOLUME /data');
  });
});
