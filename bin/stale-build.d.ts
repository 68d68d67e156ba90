export interface BuildPart {
  /** A file its build writes after reading every source, relative to the package root. */
  built: string;
  /** The npm script that builds it. */
  script: string;
  /** Files and folders it is built from. */
  sources: string[];
}

export const BUILD_PARTS: BuildPart[];

/** The parts of the build under `root` that must be built again. */
export function staleParts(root: string): BuildPart[];
