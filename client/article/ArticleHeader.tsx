// The article's header: title and languages, save state, who is here, your role, export. On one
// row on a wide screen; on two below 1280px (article.css): the title with the tools, then the state.
import type { ReviewSnapshot } from '../collab/review-session.js';
import { adminToken } from '../app/identity.js';
import { languageName } from '../app/languages.js';
import type { ArticleSessions } from './sessions.js';
import { SaveIndicator } from './SaveIndicator.js';
import { PresenceList } from './PresenceList.js';
import { ExportMenu } from './ExportMenu.js';
import { ToolButtons } from '../panels/ToolButtons.js';
import { ReviewProgress } from '../review/ReviewProgress.js';
import { ReviewTools } from '../review/ReviewTools.js';
import { ArrowRightIcon } from '../ui/icons.js';
import { ROLE_HINT, ROLE_LABEL } from './roles.js';


export function ArticleHeader({ sessions, docId, token, facts }: { sessions: ArticleSessions; docId: string; token: string; facts: ReviewSnapshot }) {
  const role = sessions.content.role;
  const admin = adminToken();
  return (
    <header className="article-header">
      <div className="header-left">
        <a className="brand" href={admin ? `/?token=${encodeURIComponent(admin)}` : undefined} aria-label={admin ? 'Back to all articles' : 'Tandem'}>
          <span className="brand-mark small" aria-hidden="true">T</span>
          {admin && <span className="back-link">All articles</span>}
        </a>
        <div className="title-block">
          <h1 className="article-title" lang={facts.targetLang || undefined} title={facts.title}>
            {facts.title || (facts.loaded ? 'Untitled' : 'Loading…')}
          </h1>
          {facts.sourceLang && (
            <span className="lang-pair" aria-label={`From ${languageName(facts.sourceLang)} to ${languageName(facts.targetLang)}`}>
              <span className="lang">{facts.sourceLang.toUpperCase()}</span>
              <ArrowRightIcon size={12} />
              <span className="lang">{facts.targetLang.toUpperCase()}</span>
            </span>
          )}
        </div>
      </div>
      <div className="header-right">
        <div className="header-status">
          <ReviewProgress />
          <SaveIndicator state={sessions.content.state} role={role} />
          <PresenceList presence={sessions.presence} />
          <span className={`role-badge role-${role}`} title={ROLE_HINT[role]} data-testid="role">
            {ROLE_LABEL[role]}
          </span>
          <ReviewTools />
        </div>
        <div className="header-tools">
          <ToolButtons sessions={sessions} />
          <ExportMenu docId={docId} token={token} fillsMemory={role === 'editor'} />
        </div>
      </div>
    </header>
  );
}
