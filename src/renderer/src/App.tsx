import type { ReactElement } from 'react';
import { UI_TEXT } from '../../shared/strings';

// Placeholder shell until the workbench UI issue: the CLI carries import and dump today.
export function App(): ReactElement {
  return (
    <main style={{ fontFamily: 'sans-serif', padding: 24 }}>
      <h1>{UI_TEXT.appTitle}</h1>
      <p>{UI_TEXT.comingSoon}</p>
    </main>
  );
}
