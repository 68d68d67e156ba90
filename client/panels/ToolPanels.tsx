// The article page's side panel slot: QA, glossary, history or memory, whichever the header opened. The
// panels load after the first paint (panel-views.ts): asked for when the page is idle once the article
// is on screen, or when one is opened before that.
import '../styles/panels.css';
import '../styles/qa.css';
import '../styles/qa-issues.css';
import '../styles/glossary.css';
import '../styles/glossary-editor.css';
import '../styles/history.css';
import '../styles/memory.css';
import { useStore } from '../app/store.js';
import type { ContentSession } from '../collab/content-session.js';
import type { ReviewSession } from '../collab/review-session.js';
import { lazyPart, useLazyPart, usePreloadAfterPaint } from '../app/lazy-part.js';
import { useDesk } from '../review/desk.js';
import { deskTools } from '../qa/desk-tools.js';
import { panels } from '../app/panel-store.js';

const views = lazyPart(() => import('./panel-views.js'));

export function ToolPanels({ sessions }: { sessions: { content: ContentSession; review: ReviewSession } }) {
  const open = useStore(panels);
  const loaded = useLazyPart(views, open !== null);
  usePreloadAfterPaint(sessions.content.onScreen, views);
  const facts = useStore(sessions.review);
  const tools = deskTools(sessions);
  const desk = useDesk();
  const close = () => {
    panels.set(null);
    if (open === 'qa') tools.highlighter.clearActive();
  };
  if (!loaded) return null;
  const { QaPanel, GlossaryPanel, HistoryPanel, MemoryPanel } = loaded;
  if (open === 'qa') return <QaPanel tools={tools} targetLang={facts.targetLang} onClose={close} />;
  if (open === 'glossary') {
    return <GlossaryPanel glossary={tools.glossary} editable={tools.editable} sourceLang={facts.sourceLang} targetLang={facts.targetLang} onClose={close} />;
  }
  if (open === 'history' && desk) return <HistoryPanel desk={desk} review={sessions.review} onClose={close} />;
  if (open === 'memory' && desk) return <MemoryPanel desk={desk} review={sessions.review} editor={tools.editor} onClose={close} />;
  return null;
}
