import { describe, expect, it } from 'vitest';
import { addNestShutdownFlush, wireConfigCatClient, wireNodeEntry } from '../generators/lib/entry/index.js';
import { editedCode, expectParses } from './support/entry.js';

// Shapes modelled on Express/http servers in TS (ESM, nodenext) and CommonJS JS, and NestJS's starter.
const tsServer = `import { createServer } from "node:http";
import { greeting } from "./greeting.js";

const server = createServer((request, response) => {
  response.end(greeting("world"));
});

server.listen(3000);

process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
});
`;

const cjsWithClient = `const express = require('express');
const configcat = require('configcat-node');

const app = express();
const configCatClient = configcat.getClient(process.env.CONFIGCAT_SDK_KEY);

app.get('/', async (req, res) => {
  res.json({ on: await configCatClient.getValueAsync('newCheckout', false) });
});

const server = app.listen(3000);

process.on('SIGTERM', async () => {
  server.close();
});
`;

const wiring = { wiringModule: './configcat-amplitude.js' } as const;

describe('wireNodeEntry', () => {
  it('creates a client after the imports and joins a synchronous SIGTERM handler, in a TS ESM server', () => {
    const code = editedCode(wireNodeEntry({ ...wiring, code: tsServer, file: 'src/index.ts', initAmplitude: 'void' }));
    expect(code).toMatchInlineSnapshot(`
      "import { createServer } from "node:http";
      import { greeting } from "./greeting.js";
      import { createConfigCatClient, initAmplitude, flushAmplitudeExposures } from "./configcat-amplitude.js";

      void initAmplitude();
      export const configCatClient = createConfigCatClient();

      const server = createServer((request, response) => {
        response.end(greeting("world"));
      });

      server.listen(3000);

      process.on("SIGTERM", () => {
        void flushAmplitudeExposures().finally(() => {
          server.close(() => process.exit(0));
        });
      });
      "
    `);
    expectParses(code, 'src/index.ts');
    expect(wireNodeEntry({ ...wiring, code, file: 'src/index.ts', initAmplitude: 'void' })).toEqual({ kind: 'already' });
  });

  it('an entry that does not parse gets every snippet: the client and the shutdown flush', () => {
    const result = wireNodeEntry({ ...wiring, code: 'const server = createServer(;\n', file: 'src/index.ts', initAmplitude: 'void' });
    expect(result.kind).toBe('unrecognised');
    if (result.kind !== 'unrecognised') return;
    const snippets = [result, ...(result.remaining ?? [])].map(({ snippet }) => snippet.code);
    expect(snippets).toHaveLength(2);
    expect(snippets[0]).toContain('attachAmplitudeExposures(configCatClient)');
    expect(snippets[1]).toMatch(/process\.on\(['"]SIGTERM['"]/);
    expect(snippets[1]).toContain('flushAmplitudeExposures');
  });

  it('a comment that ends the handler\'s last line moves into the callback with its statement', () => {
    const server = [
      "import { createServer } from 'node:http';",
      '',
      'const server = createServer();',
      'const onCloseSignal = () => {',
      '  server.close();',
      '  setTimeout(() => process.exit(1), 10000).unref(); // Force shutdown after 10s',
      '};',
      "process.on('SIGINT', onCloseSignal);",
      '',
    ].join('\n');
    const code = editedCode(wireNodeEntry({ ...wiring, code: server, file: 'src/index.ts', initAmplitude: false }));
    expect(code).toContain(
      [
        'const onCloseSignal = () => {',
        '  void flushAmplitudeExposures().finally(() => {',
        '    server.close();',
        '    setTimeout(() => process.exit(1), 10000).unref(); // Force shutdown after 10s',
        '  });',
        '};',
      ].join('\n'),
    );
    expectParses(code, 'src/index.ts');
  });

  it('attaches to the client a CommonJS server creates, with require, and awaits the flush in an async handler', () => {
    const code = editedCode(wireNodeEntry({ wiringModule: './configcat-amplitude.js', code: cjsWithClient, file: 'server.js' }));
    expect(code).toMatchInlineSnapshot(`
      "const express = require('express');
      const configcat = require('configcat-node');
      const { attachAmplitudeExposures, flushAmplitudeExposures } = require('./configcat-amplitude.js');

      const app = express();
      const configCatClient = configcat.getClient(process.env.CONFIGCAT_SDK_KEY);
      attachAmplitudeExposures(configCatClient);

      app.get('/', async (req, res) => {
        res.json({ on: await configCatClient.getValueAsync('newCheckout', false) });
      });

      const server = app.listen(3000);

      process.on('SIGTERM', async () => {
        await flushAmplitudeExposures();
        server.close();
      });
      "
    `);
    expectParses(code, 'server.js');
    expect(wireNodeEntry({ wiringModule: './configcat-amplitude.js', code, file: 'server.js' })).toEqual({ kind: 'already' });
  });

  it('attaches to an exported client of a flags module and adds a SIGTERM handler when there is none', () => {
    const flags = `import * as configcat from "configcat-node";

/** The app's one ConfigCat client. */
export const configCatClient = configcat.getClient(
  process.env.CONFIGCAT_SDK_KEY ?? "",
  configcat.PollingMode.AutoPoll,
);
`;
    const code = editedCode(wireNodeEntry({ ...wiring, code: flags, file: 'src/flags.ts' }));
    expect(code).toMatchInlineSnapshot(`
      "import * as configcat from "configcat-node";
      import { attachAmplitudeExposures, flushAmplitudeExposures } from "./configcat-amplitude.js";

      /** The app's one ConfigCat client. */
      export const configCatClient = configcat.getClient(
        process.env.CONFIGCAT_SDK_KEY ?? "",
        configcat.PollingMode.AutoPoll,
      );
      attachAmplitudeExposures(configCatClient);

      // Sends the exposures Amplitude still queues before the process ends.
      process.on("SIGTERM", () => {
        void flushAmplitudeExposures().finally(() => process.exit(0));
      });
      "
    `);
    expectParses(code, 'src/flags.ts');
  });

  it('wires a NestJS provider: useFactory and useValue, and enables shutdown hooks in main.ts', () => {
    const module = `import { Module } from '@nestjs/common';
import * as configcat from '@configcat/sdk';
import { getClient, PollingMode } from '@configcat/sdk';

@Module({
  providers: [
    {
      provide: 'CONFIGCAT',
      useFactory: () => configcat.getClient(process.env.CONFIGCAT_SDK_KEY!, configcat.PollingMode.AutoPoll),
    },
    { provide: 'CONFIGCAT_LAZY', useValue: getClient(process.env.OTHER_KEY!, PollingMode.LazyLoad) },
  ],
})
export class AppModule {}
`;
    const code = editedCode(wireNodeEntry({ ...wiring, code: module, file: 'src/app.module.ts' }));
    expect(code).toMatchInlineSnapshot(`
      "import { Module } from '@nestjs/common';
      import * as configcat from '@configcat/sdk';
      import { getClient, PollingMode } from '@configcat/sdk';
      import { attachAmplitudeExposures } from './configcat-amplitude.js';

      const configCatClient = getClient(process.env.OTHER_KEY!, PollingMode.LazyLoad);
      attachAmplitudeExposures(configCatClient);

      @Module({
        providers: [
          {
            provide: 'CONFIGCAT',
            useFactory: () => {
              const configCatClient = configcat.getClient(process.env.CONFIGCAT_SDK_KEY!, configcat.PollingMode.AutoPoll);
              attachAmplitudeExposures(configCatClient);
              return configCatClient;
            },
          },
          { provide: 'CONFIGCAT_LAZY', useValue: configCatClient },
        ],
      })
      export class AppModule {}
      "
    `);
    expectParses(code, 'src/app.module.ts');
    const flushed = editedCode(addNestShutdownFlush({ ...wiring, code: module, file: 'src/app.module.ts' }));
    expect(flushed).toMatchInlineSnapshot(`
      "import { Module } from '@nestjs/common';
      import * as configcat from '@configcat/sdk';
      import { getClient, PollingMode } from '@configcat/sdk';
      import { flushAmplitudeExposures } from './configcat-amplitude.js';

      @Module({
        providers: [
          {
            provide: 'CONFIGCAT',
            useFactory: () => configcat.getClient(process.env.CONFIGCAT_SDK_KEY!, configcat.PollingMode.AutoPoll),
          },
          { provide: 'CONFIGCAT_LAZY', useValue: getClient(process.env.OTHER_KEY!, PollingMode.LazyLoad) },
        ],
      })
      export class AppModule {
        async onApplicationShutdown(): Promise<void> {
          await flushAmplitudeExposures();
        }
      }
      "
    `);
    expectParses(flushed, 'src/app.module.ts');

    const main = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(process.env.PORT ?? 3000);
}
bootstrap();
`;
    const mainCode = editedCode(wireNodeEntry({ ...wiring, code: main, file: 'src/main.ts', initAmplitude: 'void' }));
    expect(mainCode).toMatchInlineSnapshot(`
      "import { NestFactory } from '@nestjs/core';
      import { AppModule } from './app.module';
      import { createConfigCatClient, initAmplitude } from './configcat-amplitude.js';

      void initAmplitude();
      export const configCatClient = createConfigCatClient();

      async function bootstrap() {
        const app = await NestFactory.create(AppModule);
        app.enableShutdownHooks();
        await app.listen(process.env.PORT ?? 3000);
      }
      bootstrap();
      "
    `);
    expect(wireNodeEntry({ ...wiring, code: mainCode, file: 'src/main.ts', initAmplitude: 'void' })).toEqual({ kind: 'already' });
  });

  it('attaches a client held in a class field in a constructor it adds (a NestJS service)', () => {
    const code = `import { Injectable } from '@nestjs/common';
import * as configcat from 'configcat-node';

@Injectable()
export class ConfigcatService {
  private readonly configcatClient = configcat.createClient('YOUR-SDK-KEY');

  getFlagStatus() {
    return this.configcatClient.getValueAsync('newheading', false);
  }
}
`;
    const edited = editedCode(wireConfigCatClient({ ...wiring, code, file: 'src/configcat/configcat.service.ts' }));
    expect(edited).toContain(`  private readonly configcatClient = configcat.createClient('YOUR-SDK-KEY');

  constructor() {
    attachAmplitudeExposures(this.configcatClient);
  }

  getFlagStatus() {`);
    expect(edited).toContain("import { attachAmplitudeExposures } from './configcat-amplitude.js';");
    expectParses(edited, 'src/configcat/configcat.service.ts');
    expect(wireConfigCatClient({ ...wiring, code: edited, file: 'src/configcat/configcat.service.ts' })).toMatchObject({ kind: 'already' });
  });

  it("joins the class's constructor, after its super(…), and names a private field as the code does", () => {
    const code = `import { getClient } from '@configcat/sdk';
import { Base } from './base.js';

export class Flags extends Base {
  #client = getClient(process.env.KEY!);
  constructor(private readonly log: Console) {
    super('flags');
    log.info('ready');
  }
}
`;
    const edited = editedCode(wireConfigCatClient({ ...wiring, code, file: 'src/flags.ts' }));
    expect(edited).toContain("    super('flags');\n    attachAmplitudeExposures(this.#client);\n    log.info('ready');");
    expectParses(edited, 'src/flags.ts');
  });

  it('says what to paste, naming the field and the constructor, where it cannot add one (a class that extends another)', () => {
    const code = `import { getClient } from '@configcat/sdk';
import { Base } from './base.js';
export class Flags extends Base {
  private client = getClient(process.env.KEY!);
}
`;
    const result = wireConfigCatClient({ ...wiring, code, file: 'src/flags.ts' });
    expect(result).toMatchObject({
      kind: 'unrecognised',
      snippet: {
        file: 'src/flags.ts',
        place: expect.stringContaining('in the constructor of the class that creates the ConfigCat client'),
        code: "import { attachAmplitudeExposures } from './configcat-amplitude.js';\n\n// right after your ConfigCat client is created:\nattachAmplitudeExposures(this.client);",
      },
    });
  });
});
