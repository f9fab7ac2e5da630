#!/usr/bin/env node
// Print the slide structure that the real Marp computes for each deck, as one JSON object.
//
// Why: marp-i18n promises that a translation never changes a deck's structure (slide
// count, directives, backgrounds, speaker notes). Checking that with our own Python
// parser would only compare the parser with itself, so the tests ask marp-core, the
// engine marp-cli renders with, configured the way marp-cli configures it.
//
// Usage:
//   node tools/marp_structure.mjs [--full] deck1.md deck2.md ...
//   echo '["deck1.md", "deck2.md"]' | node tools/marp_structure.mjs [--full]
//   node tools/marp_structure.mjs --serve     (JSON lines: see below)
//
// Output (stdout, one JSON object; keys are the paths exactly as given):
//   { "<path>": { "slides": [ { "directives": {...}, "backgrounds": [...], "notes": N } ],
//                 "global": {...} }
//     | { "error": "message" } }
// With --full every slide also has "shape": everything a translation must not change,
// with the text left out (see `shapeOf`), and "links": the slide's link targets, apart
// because a changed target is a `check` finding rather than a refused translation.
//
// --serve keeps one Node process for many requests (a property test asks per example):
// each stdin line is a JSON array of deck *texts*; each answer is one stdout line, the
// JSON array of their --full structures in the same order.
// Anything Marp logs goes to stderr so stdout stays parseable.

import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { Marp } from '@marp-team/marp-core'

// Keep stdout for the JSON result alone.
console.log = console.info = console.warn = console.debug = (...args) =>
  process.stderr.write(`${args.join(' ')}\n`)

// marp-cli registers these global directives on its engine (function `hi` in
// @marp-team/marp-cli/lib/marp-cli-*.js). Without them a comment such as
// `<!-- title: x -->` is a presenter note for bare marp-core but a directive for
// marp-cli, so the note counts would differ from what marp-cli renders.
const keywordList = (value) => {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',').map((s) => s.trim())
      : undefined
  if (!list) return undefined
  const unique = [...new Set(list.filter((s) => typeof s === 'string' && !!s))]
  return unique.length > 0 ? unique : undefined
}
const asString = (key) => (value) => (typeof value === 'string' ? { [key]: value } : {})
const marpCliGlobalDirectives = {
  author: asString('marpCLIAuthor'),
  description: asString('marpCLIDescription'),
  image: asString('marpCLIImage'),
  keywords: (value) => {
    const list = keywordList(value)
    return list ? { marpCLIKeywords: list } : {}
  },
  title: asString('marpCLITitle'),
  url: (value) => {
    if (Array.isArray(value)) return {}
    try {
      if (value) new URL(value)
    } catch {
      return {}
    }
    return { marpCLIURL: value ?? undefined }
  },
}
const marpCliNames = {
  marpCLIAuthor: 'author',
  marpCLIDescription: 'description',
  marpCLIImage: 'image',
  marpCLIKeywords: 'keywords',
  marpCLITitle: 'title',
  marpCLIURL: 'url',
}

// One engine for every deck: marp-cli's `--html` sets `html: true`; everything else
// is marp-core's default (markdown-it `breaks: true`, inline SVG, loose YAML).
const marp = new Marp({ html: true })
Object.assign(marp.customDirectives.global, marpCliGlobalDirectives)

/** Background images of one slide, in source order, from the image tokens' meta. */
function backgroundsOf(slideTokens) {
  const found = []
  for (const token of slideTokens) {
    for (const child of token.children ?? []) {
      const image = child.type === 'image' ? child.meta?.marpitImage : undefined
      if (!image?.background) continue
      const options = image.options ?? []
      found.push({
        url: image.url,
        keywords: options.filter((o) => o.consumed).map((o) => o.content),
        alt: options
          .filter((o) => !o.consumed)
          .map((o) => o.content)
          .join(' '),
      })
    }
  }
  return found
}

/**
 * Directives as written in decks: marp-cli's internal keys (`marpCLITitle`) get their
 * directive names back (`title`); keys Marp left undefined are dropped, as JSON would.
 */
function directivesOf(marpitDirectives) {
  const result = {}
  for (const [key, value] of Object.entries(marpitDirectives ?? {})) {
    if (value !== undefined) result[marpCliNames[key] ?? key] = value
  }
  return result
}

/**
 * What a translation must not change in one image: its URL and what Marp read from its
 * alt text (keywords and their parsed options: size, filters, background, direction).
 * The alt text's words themselves are text and are left out.
 */
function imageShape(token) {
  const image = token.meta?.marpitImage ?? {}
  const { options = [], ...parsed } = image
  const shape = { src: token.attrGet('src') ?? '', style: token.attrGet('style') ?? '' }
  for (const key of Object.keys(parsed).sort()) shape[key] = parsed[key]
  shape.keywords = options.filter((o) => o.consumed).map((o) => o.content)
  return shape
}

/** The inline facts of one token's children (recursively: a link's image, alt text). */
function inlineFacts(children, into) {
  for (const child of children ?? []) {
    switch (child.type) {
      case 'image':
        into.images.push(imageShape(child))
        break
      case 'link_open':
        into.links.push(child.attrGet('href') ?? '')
        into.inline.push('link')
        break
      case 'html_inline':
        into.html.push(child.content)
        break
      case 'marp_math_inline':
        into.math.push('inline')
        break
      case 'code_inline':
        into.code.push(child.content)
        break
      case 'marpit_comment':
        into.inline.push(['comment', ...commentOf(child)])
        break
      case 'marpit_inline_svg_content_open':
      case 'marpit_inline_svg_content_close':
        break
      default:
        // Everything else inline is text or emphasis around it: a translation's to move.
        if (child.type.startsWith('marpit_')) into.inline.push(child.type)
    }
    // An image's children are its alt text re-read (marpit_parse_image): not structure.
    if (child.type !== 'image') inlineFacts(child.children, into)
  }
}

/** What Marp made of a comment: its kind (null for a note) and its directive keys. */
function commentOf(token) {
  const kind = token.meta?.marpitCommentParsed ?? null
  const keys = kind === 'directive' ? Object.keys(token.meta?.marpitParsedDirectives ?? {}) : []
  return [kind, keys]
}

// Attributes that carry text or counts, not what the slide is: compared apart or not at all.
const textAttributes = new Set(['data-title', 'data-description'])

/** A block token without its text: type, tag, and the markup that changes the block. */
function blockOf(token) {
  const block = [token.type, token.tag]
  if (['fence', 'code_block', 'html_block'].includes(token.type)) block.push(token.content)
  if (token.type === 'fence') block.push(token.info, token.markup[0])
  // A comment is a note, a directive (which keys: the values are the slide's
  // directives) or a magic comment such as `fit`; its text is left out.
  if (token.type === 'marpit_comment') block.push(...commentOf(token))
  if (['th_open', 'td_open', 'ordered_list_open'].includes(token.type))
    block.push(token.attrs ?? [])
  if (token.type === 'marpit_slide_open' || token.type === 'marpit_inline_svg_content_open') {
    // By name: the order attributes were set in depends on which directives came first.
    const attrs = (token.attrs ?? []).filter(([name]) => !textAttributes.has(name))
    block.push(attrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  }
  return block
}

/**
 * Everything of one slide a translation must not change, text left out: the block
 * token sequence (heading levels are tags, list kinds are types, table shape is the
 * th/td sequence, code and raw HTML are kept whole), every image with Marp's parsed
 * keywords, inline raw HTML, math (where it stands, not what it says), inline code,
 * the inline Marp tokens (comments, links: where they stand), and the class and style
 * the slide ends up with (from the section's attributes).
 */
function shapeOf(slideTokens) {
  const into = { images: [], links: [], html: [], math: [], code: [], inline: [] }
  const blocks = []
  let attrs = {}
  for (const token of slideTokens) {
    if (token.type === 'marpit_slide_open') attrs = Object.fromEntries(token.attrs ?? [])
    if (token.type === 'marp_math_block') into.math.push('display')
    // Marp hides a background image's paragraph (`marpit_hidden_inline`): a block kept
    // in the sequence, whose children are still the slide's images.
    // The front matter is compared as the directives Marp read from it.
    if (token.type !== 'inline' && token.type !== 'front_matter') blocks.push(blockOf(token))
    inlineFacts(token.children, into)
  }
  const { links, ...rest } = into
  return {
    shape: { blocks, ...rest, class: attrs.class ?? '', style: attrs.style ?? '' },
    links,
  }
}

function structureOfText(markdown, full) {
  // marp-cli drops a leading BOM before rendering (Converter#convert).
  if (markdown.charCodeAt(0) === 0xfeff) markdown = markdown.slice(1)
  // The structure is the token stream's: --full stops after markdown-it's parse (the
  // slide tokens, comments and directives are final there), skipping the HTML and CSS
  // rendering that is most of render()'s cost.
  let comments
  if (full) {
    marp.markdown.parse(markdown, {})
    comments = marp.lastComments
  } else {
    comments = marp.render(markdown).comments
  }
  const slides = marp.lastSlideTokens.map((tokens, index) => {
    const open = tokens.find((t) => t.type === 'marpit_slide_open')
    const slide = {
      directives: directivesOf(open?.meta?.marpitDirectives),
      backgrounds: backgroundsOf(tokens),
      notes: comments[index].length,
    }
    return full ? { ...slide, ...shapeOf(tokens) } : slide
  })
  return { slides, global: directivesOf(marp.lastGlobalDirectives) }
}

function safely(compute) {
  try {
    return compute()
  } catch (error) {
    return { error: String(error?.message ?? error) }
  }
}

function readPaths(args) {
  if (args.length > 0) return args
  const input = readFileSync(0, 'utf8').trim()
  const paths = input ? JSON.parse(input) : []
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new Error('stdin must be a JSON array of file paths')
  }
  return paths
}

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')))
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))

if (flags.has('--serve')) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line.trim()) continue
    const texts = JSON.parse(line)
    const answer = texts.map((text) => safely(() => structureOfText(text, true)))
    process.stdout.write(`${JSON.stringify(answer)}\n`)
  }
} else {
  const full = flags.has('--full')
  const result = {}
  for (const path of readPaths(args)) {
    result[path] = safely(() => structureOfText(readFileSync(path, 'utf8'), full))
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
