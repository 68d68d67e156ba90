// Files a command was given: one it cannot read or write is named in the error, without a stack.
import { readFileSync, writeFileSync } from 'node:fs';
import { CliError } from './errors.js';

export function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

export function writeOutput(path: string, data: Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
