// Routes by path: `/` is the desk's home (admin link), `/d/<id>` an article (role link). The home
// page is a chunk of its own, so an article's first paint does not parse it.
import { lazyPart, useLazyPart } from './app/lazy-part.js';
import { ArticlePage } from './article/ArticlePage.js';
import { Message } from './ui/Message.js';
import { readLocation } from './app/location.js';

const home = lazyPart(() => import('./home/HomePage.js'));

export function App() {
  const where = readLocation(window.location);
  const homePage = useLazyPart(home, where.page === 'home');
  if (where.page === 'home') return homePage && <homePage.HomePage token={where.token} />;
  if (where.page === 'article') return <ArticlePage docId={where.docId} token={where.token} />;
  return <Message title="Page not found" body="This address does not lead anywhere in Tandem." />;
}
