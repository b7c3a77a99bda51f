// What the stubs below throw: a Yeoman feature this package never uses was reached after all.
export function notBundled(feature) {
  return new Error(
    `generator-configcat-amplitude does not bundle ${feature}: it is a Yeoman feature this generator does not use. Please report how you reached it.`,
  );
}
