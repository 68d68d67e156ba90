// An article opened through a role link: asks for a name once, then shows the header and the
// side-by-side body.
import { useEffect, useState } from 'react';
import { Message } from '../ui/Message.js';
import { readClaims } from '../collab/token.js';
import { colorFor } from '../collab/colors.js';
import { saveName, savedName } from '../app/identity.js';
import { useStore } from '../app/store.js';
import { showsSources } from '../collab/review-session.js';
import { ArticleEditor } from '../editor/ArticleEditor.js';
import { NamePrompt } from './NamePrompt.js';
import { ArticleHeader } from './ArticleHeader.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { articleSessions, type ArticleSessions } from './sessions.js';
import { ToolPanels } from '../panels/ToolPanels.js';
import { deskTools } from '../qa/desk-tools.js';
import { DeskContext } from '../review/desk.js';
import { ReviewMargin } from '../review/ReviewMargin.js';
import { Notices } from '../review/Notices.js';
import { ChangedTip } from '../history/ChangedTip.js';

export function ArticlePage({ docId, token }: { docId: string; token: string | null }) {
  const claims = readClaims(token);
  const [name, setName] = useState(() => claims.name ?? savedName());
  if (!token || !claims.role) {
    return <Message title="This link is incomplete" body="Open the article with the full link you were given; it carries your access." />;
  }
  if (claims.doc !== docId) {
    return <Message title="This link is for another article" body="Check that the link was copied in full." />;
  }
  if (!name) {
    return (
      <NamePrompt
        docId={docId}
        token={token}
        role={claims.role}
        onName={(chosen) => {
          saveName(chosen);
          setName(chosen);
        }}
      />
    );
  }
  const sessions = articleSessions(docId, token, claims.role, name);
  return (
    <DeskContext.Provider value={sessions.desk}>
      <Article sessions={sessions} docId={docId} token={token} name={name} />
    </DeskContext.Provider>
  );
}

function Article({ sessions, docId, token, name }: { sessions: ArticleSessions; docId: string; token: string; name: string }) {
  const facts = useStore(sessions.review);
  const mode = useStore(sessions.desk.mode);
  const margin = useStore(sessions.desk.marginShown);
  const color = colorFor(name);
  useEffect(() => {
    if (facts.title) document.title = `${facts.title} — Tandem`;
  }, [facts.title]);
  return (
    <div className={`article-page mode-${mode}`}>
      <a className="skip-link" href="#translation" onClick={(e) => (e.preventDefault(), document.getElementById('translation')?.focus())}>
        Skip to the translation
      </a>
      <ArticleHeader sessions={sessions} docId={docId} token={token} facts={facts} />
      <ConnectionBanner state={sessions.content.state} role={sessions.content.role} />
      <main className={`${showsSources(facts) ? 'article-main' : 'article-main single'}${facts.loaded ? '' : ' awaiting-sources'}${margin ? ' with-margin' : ''}`}>
        <div className="review-shell">
          <div className="review-doc">
            <ArticleEditor content={sessions.content} review={sessions.review} name={name} color={color} slot={deskTools(sessions).editor} />
          </div>
          <ReviewMargin />
        </div>
      </main>
      <Notices />
      <ChangedTip review={sessions.review} />
      <ToolPanels sessions={sessions} />
    </div>
  );
}
