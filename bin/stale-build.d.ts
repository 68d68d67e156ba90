export interface BuildPart {
  /** A file its build writes after reading every source, relative to the package root. */
  built: string;
  /** The npm script that builds it. */
  script: string;
  /** Files and folders it is built from. */
  sources: string[];
}

/** The configuration every part is also built from. */
export const CONFIG: string[];

export const BUILD_PARTS: BuildPart[];

/** Those of `parts` (the package's by default) under `root` that must be built again. */
export function staleParts(root: string, parts?: BuildPart[]): BuildPart[];

/** Builds `parts` in turn (`npm run <script>`, its output on stderr): the first failure's exit status, or 0. */
export function build(root: string, parts: BuildPart[]): number;
