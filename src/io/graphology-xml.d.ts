// The parser factories inside graphology-gexf and graphology-graphml take any
// DOMParser/Document pair; we pass xmldom 0.9's, so the document is parsed
// once with line and column errors.
declare module "graphology-gexf/common/parser.js" {
  import type { AbstractGraph, Attributes, GraphConstructor } from "graphology-types";

  type Parse = <G extends AbstractGraph>(
    Graph: GraphConstructor<Attributes, Attributes, Attributes>,
    source: unknown,
  ) => G;
  export default function createParserFunction(DOMParser: unknown, Document: unknown): Parse;
}
declare module "graphology-graphml/common/parser.js" {
  import type { AbstractGraph, Attributes, GraphConstructor } from "graphology-types";

  type Parse = <G extends AbstractGraph>(
    Graph: GraphConstructor<Attributes, Attributes, Attributes>,
    source: unknown,
  ) => G;
  export default function createParserFunction(DOMParser: unknown, Document: unknown): Parse;
}
