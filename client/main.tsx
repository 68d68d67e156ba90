// The browser entry: fonts and styles are bundled (nothing is fetched from the internet).
import '@fontsource-variable/inter/index.css';
import '@fontsource/noto-sans-bengali/400.css';
import '@fontsource/noto-sans-bengali/600.css';
import '@fontsource/noto-sans-bengali/700.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/home.css';
import './styles/article.css';
import './styles/editor.css';
import './styles/body.css';
import './styles/source.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
