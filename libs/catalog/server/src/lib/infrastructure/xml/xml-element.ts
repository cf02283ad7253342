/** One attribute of an {@link XmlElement}. */
export interface XmlAttribute {
  /** The name as written, with its prefix (`xsi:schemaLocation`). */
  readonly name: string;
  /** The name without its prefix (`schemaLocation`). */
  readonly localName: string;
  /** The namespace the prefix is bound to; null for an unprefixed attribute. */
  readonly namespaceUri: string | null;
  /** The value with references replaced and whitespace normalised as XML 1.0 says. */
  readonly value: string;
}

/** An element of a document read by {@link readXml}: a small tree, enough to map a message. */
export interface XmlElement {
  /** The name as written, with its prefix (`ern:NewReleaseMessage`). */
  readonly name: string;
  /** The name without its prefix (`NewReleaseMessage`). */
  readonly localName: string;
  /** The namespace of the element (its prefix's, or the default one); null when none applies. */
  readonly namespaceUri: string | null;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** The element's own character data (text and CDATA between its children), not its descendants'. */
  readonly text: string;
  /**
   * Where the element is, by local names from the root: `/NewReleaseMessage/ResourceList/SoundRecording[2]`.
   * The n-th (n ≥ 2) sibling of the same name carries `[n]`; the first carries none.
   */
  readonly path: string;
}

/** The value of the attribute of local name `localName`, or undefined. */
export function attributeOf(element: XmlElement, localName: string): string | undefined {
  return element.attributes.find((attribute) => attribute.localName === localName)?.value;
}

/** The children of local name `localName`, in document order. */
export function childrenNamed(element: XmlElement, localName: string): readonly XmlElement[] {
  return element.children.filter((child) => child.localName === localName);
}

/** The first child of local name `localName`, or undefined. */
export function childNamed(element: XmlElement, localName: string): XmlElement | undefined {
  return element.children.find((child) => child.localName === localName);
}
