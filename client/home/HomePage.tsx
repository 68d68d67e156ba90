// The desk's home (the admin link): every article with its progress, and "New article".
import { useEffect, useState } from 'react';
import { Message } from '../ui/Message.js';
import { rememberAdminToken } from '../app/identity.js';
import type { RoleLinks } from '../app/api.js';
import { ShareDialog } from '../share/ShareDialog.js';
import { ArticleList } from './ArticleList.js';
import { NewArticleDialog } from './NewArticleDialog.js';
import { useArticles } from './useArticles.js';
import { WorkspaceGlossaryDialog } from './WorkspaceGlossaryDialog.js';
import { TranslationMemoryDialog } from './TranslationMemoryDialog.js';

export function HomePage({ token }: { token: string | null }) {
  if (!token) {
    return (
      <Message
        title="Tandem"
        body={
          <>
            Open the desk with the admin link that <code>tandem serve</code> printed, or an article with the link you were sent.
          </>
        }
      />
    );
  }
  return <Desk token={token} />;
}

interface Sharing {
  id: string;
  title: string;
  links?: RoleLinks;
}

function Desk({ token }: { token: string }) {
  const { rows, error, reload } = useArticles(token);
  const [creating, setCreating] = useState(false);
  const [sharing, setSharing] = useState<Sharing | null>(null);
  const [glossary, setGlossary] = useState(false);
  const [memory, setMemory] = useState(false);
  useEffect(() => {
    rememberAdminToken(token);
    document.title = 'Tandem — Translation desk';
  }, [token]);

  if (error?.status === 401 || error?.status === 403) {
    return <Message title="This is not the desk's admin link" body="The desk's home needs the admin token. Article links open articles only." />;
  }
  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">T</span>
          <div>
            <div className="brand-name">Tandem</div>
            <div className="brand-tag">Translation desk</div>
          </div>
        </div>
        <div className="home-actions">
          <button type="button" className="button" onClick={() => setGlossary(true)}>
            Glossary
          </button>
          <button type="button" className="button" onClick={() => setMemory(true)}>
            Translation memory
          </button>
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            New article
          </button>
        </div>
      </header>
      <main className="home-main">
        <h1 className="home-title">Articles</h1>
        {error && (
          <p className="form-error" role="alert">
            {error.message} <button className="button small" onClick={() => void reload()}>Retry</button>
          </p>
        )}
        <ArticleList token={token} rows={rows} onShare={(row) => setSharing({ id: row.id, title: row.title })} onChanged={reload} onNew={() => setCreating(true)} />
      </main>
      {creating && (
        <NewArticleDialog
          token={token}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSharing(created);
            void reload();
          }}
        />
      )}
      {glossary && <WorkspaceGlossaryDialog token={token} onClose={() => setGlossary(false)} />}
      {memory && <TranslationMemoryDialog token={token} onClose={() => setMemory(false)} />}
      {sharing && <ShareDialog adminToken={token} docId={sharing.id} title={sharing.title} links={sharing.links} onClose={() => setSharing(null)} />}
    </div>
  );
}
