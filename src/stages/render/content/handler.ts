import type { ElementContent } from 'hast';
import type { Parents, RootContentMap } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { ContentType } from '../../load/content-model.js';

/** Turns one mdast node into hast, as mdast-util-to-hast's handlers do, typed by the node it takes. */
export type NodeHandler<T extends ContentType> = (
  state: State,
  node: RootContentMap[T],
  parent: Parents | undefined,
) => ElementContent | ElementContent[] | undefined;
