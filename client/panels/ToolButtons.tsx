// The header's QA badge and Glossary, History and Memory buttons, which open the side panels (the
// memory's keys too).
import { useEffect } from 'react';
import { useStore } from '../app/store.js';
import type { ContentSession } from '../collab/content-session.js';
import type { ReviewSession } from '../collab/review-session.js';
import { BookIcon, HistoryIcon, MemoryIcon } from '../ui/icons.js';
import { registerMemoryKeys } from '../memory/memory-keys.js';
import { SHORTCUT } from '../sheet/shortcuts.js';
import { QaBadge } from '../qa/QaBadge.js';
import { deskTools } from '../qa/desk-tools.js';
import { panels } from '../app/panel-store.js';

export function ToolButtons({ sessions }: { sessions: { content: ContentSession; review: ReviewSession } }) {
  const tools = deskTools(sessions);
  const open = useStore(panels);
  const { entries, workspace } = useStore(tools.glossary);
  const terms = entries.length + workspace.length;
  useEffect(registerMemoryKeys, []);
  return (
    <div className="tool-buttons">
      <QaBadge qa={tools.qa} />
      <button
        type="button"
        className="button tool-button"
        aria-pressed={open === 'glossary'}
        title={`Glossary: ${terms} ${terms === 1 ? 'term' : 'terms'}`}
        onClick={() => panels.toggle('glossary')}
        data-testid="glossary-button"
      >
        <BookIcon />
        <span>Glossary</span>
      </button>
      {/* An icon alone: the header keeps one row at 1280px with room for the title (SPEC 10.13). */}
      <button
        type="button"
        className="button tool-button icon-only"
        aria-pressed={open === 'history'}
        aria-label="History"
        title="History: versions, compare, restore"
        onClick={() => panels.toggle('history')}
        data-testid="history-button"
      >
        <HistoryIcon />
      </button>
      <button
        type="button"
        className="button tool-button icon-only"
        aria-pressed={open === 'memory'}
        aria-label="Memory"
        title={`Translation memory: matches and concordance (${SHORTCUT.memory})`}
        onClick={() => panels.toggle('memory')}
        data-testid="memory-button"
      >
        <MemoryIcon />
      </button>
    </div>
  );
}
