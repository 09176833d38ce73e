import './app/styles';
import './app/i18n';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadPage } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render as a transition: React renders the page in slices of a few milliseconds and
// lets the phone's main thread breathe between them (a tap, a scroll) instead of one long task
// of several hundred milliseconds on a slow phone (Total Blocking Time); what is painted is the same.
const render = () =>
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });

// After the page's own code (already on its way when the server linked it from the HTML), so it
// paints whole; if that code fails to load, the page asks for it again when it renders. (Not a
// top-level await: the bundler would then split the main script into many small files.)
loadPage(window.location.pathname).then(render, render);
