import '@dkfds/css/dkfds.min.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StaffApp } from './app/staff-app';
import { setupI18n } from './i18n/i18n.setup';

const root = document.getElementById('root');
if (root) {
  void setupI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <StaffApp />
      </StrictMode>,
    ),
  );
}
