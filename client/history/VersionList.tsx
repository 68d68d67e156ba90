// The History panel's list (SPEC 16.10): named versions first-class (name, author, when), the
// automatic ones folded by day ("12 automatic versions"), each opened to compare it with today's
// text; editors delete named ones.
import { useState } from 'react';
import { plural } from '../app/plural.js';
import type { Version } from './history-api.js';
import { versionItems } from './version-groups.js';
import { VersionMeta } from './VersionTime.js';
import { ChevronDownIcon } from '../ui/icons.js';

interface Props {
  versions: readonly Version[];
  canEdit: boolean;
  onOpen: (version: Version) => void;
  onDelete: (version: Version) => void;
}

export function VersionList({ versions, canEdit, onOpen, onDelete }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) => setOpen((was) => (was.has(key) ? new Set([...was].filter((k) => k !== key)) : new Set([...was, key])));
  return (
    <ol className="version-list" aria-label="Versions, newest first" data-testid="version-list">
      {versionItems(versions).map((item) =>
        item.kind === 'version' ? (
          <li key={item.version.id}>
            <VersionRow version={item.version} canDelete={canEdit && !item.version.auto} onOpen={onOpen} onDelete={onDelete} />
          </li>
        ) : (
          <li key={item.key} className="version-group">
            <button type="button" className="version-group-head" aria-expanded={open.has(item.key)} onClick={() => toggle(item.key)} data-testid="version-group">
              <span className="version-chevron">
                <ChevronDownIcon />
              </span>
              <span>{plural(item.versions.length, 'automatic version')}</span>
              <span className="version-day">{item.day}</span>
            </button>
            {open.has(item.key) && (
              <ol className="version-list nested">
                {item.versions.map((version) => (
                  <li key={version.id}>
                    <VersionRow version={version} canDelete={false} onOpen={onOpen} onDelete={onDelete} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ),
      )}
    </ol>
  );
}

function VersionRow({ version, canDelete, onOpen, onDelete }: { version: Version; canDelete: boolean; onOpen: (v: Version) => void; onDelete: (v: Version) => void }) {
  return (
    <div className={version.auto ? 'version-row auto' : 'version-row named'} data-testid="version" data-version-id={version.id}>
      <button type="button" className="version-open" onClick={() => onOpen(version)} title={`Compare “${version.name}” with the current text`}>
        <span className="version-name">{version.name}</span>
        <VersionMeta version={version} />
      </button>
      {canDelete && (
        <button type="button" className="button small danger-quiet version-delete" onClick={() => onDelete(version)} aria-label={`Delete version “${version.name}”`}>
          Delete
        </button>
      )}
    </div>
  );
}
