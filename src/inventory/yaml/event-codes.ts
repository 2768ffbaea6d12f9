/**
 * js-yaml's numeric codes for parse events and styles, under short names, in one place for the
 * readers that walk its event stream (construct, positions, packed events) and the fast scanner that writes it.
 */
export {
  EVENT_ALIAS as EV_ALIAS,
  EVENT_DOCUMENT as EV_DOCUMENT,
  EVENT_MAPPING as EV_MAPPING,
  EVENT_POP as EV_POP,
  EVENT_SCALAR as EV_SCALAR,
  EVENT_SEQUENCE as EV_SEQUENCE,
  SCALAR_STYLE_PLAIN as STYLE_PLAIN,
  SCALAR_STYLE_SINGLE_QUOTED as STYLE_SINGLE,
  SCALAR_STYLE_DOUBLE_QUOTED as STYLE_DOUBLE,
  SCALAR_STYLE_LITERAL_BLOCK as STYLE_LITERAL,
  SCALAR_STYLE_FOLDED_BLOCK as STYLE_FOLDED,
  COLLECTION_STYLE_BLOCK as STYLE_BLOCK,
  COLLECTION_STYLE_FLOW as STYLE_FLOW,
  CHOMPING_CLIP as CHOMP_CLIP,
  CHOMPING_STRIP as CHOMP_STRIP,
  CHOMPING_KEEP as CHOMP_KEEP,
} from 'js-yaml';
