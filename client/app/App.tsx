// Routes by path: `/` is the desk's home (admin link), `/d/<id>` an article (role link).
import { HomePage } from '../home/HomePage.js';
import { ArticlePage } from '../article/ArticlePage.js';
import { Message } from '../ui/Message.js';
import { readLocation } from './location.js';

export function App() {
  const where = readLocation(window.location);
  if (where.page === 'home') return <HomePage token={where.token} />;
  if (where.page === 'article') return <ArticlePage docId={where.docId} token={where.token} />;
  return <Message title="Page not found" body="This address does not lead anywhere in Tandem." />;
}
