export function App() {
  return <h1>Example app</h1>;
}
