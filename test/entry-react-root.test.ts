import { describe, expect, it } from 'vitest';
import { wrapReactRoot } from '../generators/lib/entry/index.js';
import { expectParses, editedCode } from './support/entry.js';

// Inputs modelled on create-vite's react-ts and react templates and Create React App's templates.
const viteReactTs = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`;

const craJs = `import React from 'react';
import ReactDOM from 'react-dom/client';
import './index.css';
import App from './App';
import reportWebVitals from './reportWebVitals';

const root = ReactDOM.createRoot(document.getElementById('root'));
root.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);

// If you want to start measuring performance in your app, pass a function
reportWebVitals();
`;

const input = { providerModule: './ConfigCatAmplitudeProvider', wiringModule: './configcat-amplitude' } as const;

describe('wrapReactRoot', () => {
  it('wraps the app inside StrictMode in a Vite react-ts main.tsx, in the file style', () => {
    const code = editedCode(wrapReactRoot({ ...input, code: viteReactTs, file: 'src/main.tsx' }));
    expect(code).toMatchInlineSnapshot(`
      "import { StrictMode } from 'react'
      import { createRoot } from 'react-dom/client'
      import './index.css'
      import App from './App.tsx'
      import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider'

      createRoot(document.getElementById('root')!).render(
        <StrictMode>
          <ConfigCatAmplitudeProvider>
            <App />
          </ConfigCatAmplitudeProvider>
        </StrictMode>,
      )
      "
    `);
    expectParses(code, 'src/main.tsx');
    expect(wrapReactRoot({ ...input, code, file: 'src/main.tsx' })).toEqual({ kind: 'already' });
  });

  it('starts Amplitude after the imports when asked, as `void initAmplitude()`', () => {
    const code = editedCode(wrapReactRoot({ ...input, code: viteReactTs, file: 'src/main.tsx', initAmplitude: 'void' }));
    expect(code).toMatchInlineSnapshot(`
      "import { StrictMode } from 'react'
      import { createRoot } from 'react-dom/client'
      import './index.css'
      import App from './App.tsx'
      import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider'
      import { initAmplitude } from './configcat-amplitude'

      void initAmplitude()

      createRoot(document.getElementById('root')!).render(
        <StrictMode>
          <ConfigCatAmplitudeProvider>
            <App />
          </ConfigCatAmplitudeProvider>
        </StrictMode>,
      )
      "
    `);
    expect(wrapReactRoot({ ...input, code, file: 'src/main.tsx', initAmplitude: 'void' })).toEqual({ kind: 'already' });
  });

  it('wraps inside React.StrictMode of a Create React App index.js, keeping semicolons', () => {
    const code = editedCode(wrapReactRoot({ ...input, code: craJs, file: 'src/index.js', initAmplitude: 'plain' }));
    expect(code).toMatchInlineSnapshot(`
      "import React from 'react';
      import ReactDOM from 'react-dom/client';
      import './index.css';
      import App from './App';
      import reportWebVitals from './reportWebVitals';
      import { ConfigCatAmplitudeProvider } from './ConfigCatAmplitudeProvider';
      import { initAmplitude } from './configcat-amplitude';

      initAmplitude();

      const root = ReactDOM.createRoot(document.getElementById('root'));
      root.render(
        <React.StrictMode>
          <ConfigCatAmplitudeProvider>
            <App />
          </ConfigCatAmplitudeProvider>
        </React.StrictMode>
      );

      // If you want to start measuring performance in your app, pass a function
      reportWebVitals();
      "
    `);
    expectParses(code, 'src/index.js');
  });
});
