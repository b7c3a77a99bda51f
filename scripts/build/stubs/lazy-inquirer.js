// Stands in for inquirer where @yeoman/adapter imports it: the adapter creates its prompt module
// when the environment starts, but a question is asked in few runs (`--yes`, no terminal, every
// answer given as an option: none). The same API, with Inquirer (its prompts, rxjs…) imported on the
// first question. Built-in prompts are added then, unless a prompt of that name was registered.
const BUILT_IN = ['input', 'select', 'number', 'confirm', 'rawlist', 'expand', 'checkbox', 'password', 'editor', 'search'];

let loading;
const loadInquirer = () => (loading ??= import('inquirer').then((module) => module.default));

export function createPromptModule(opt) {
  function promptModule(questions, answers) {
    return loadInquirer().then((inquirer) => {
      const real = inquirer.createPromptModule(opt);
      for (const name of BUILT_IN) {
        if (!Object.hasOwn(promptModule.prompts, name)) promptModule.prompts[name] = real.prompts[name];
      }
      real.prompts = promptModule.prompts;
      return real(questions, answers);
    });
  }
  promptModule.prompts = {};
  promptModule.registerPrompt = function (name, prompt) {
    promptModule.prompts[name] = prompt;
    return this;
  };
  promptModule.restoreDefaultPrompts = function () {
    promptModule.prompts = {};
  };
  return promptModule;
}

export default { createPromptModule };
