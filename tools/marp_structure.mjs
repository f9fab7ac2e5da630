#!/usr/bin/env node
// Print the slide structure that the real Marp computes for each deck, as one JSON object.
//
// Why: marp-i18n promises that a translation never changes a deck's structure (slide
// count, directives, backgrounds, speaker notes). Checking that with our own Python
// parser would only compare the parser with itself, so the tests ask marp-core, the
// engine marp-cli renders with, configured the way marp-cli configures it.
//
// Usage:
//   node tools/marp_structure.mjs deck1.md deck2.md ...
//   echo '["deck1.md", "deck2.md"]' | node tools/marp_structure.mjs
//
// Output (stdout, one JSON object; keys are the paths exactly as given):
//   { "<path>": { "slides": [ { "directives": {...}, "backgrounds": [...], "notes": N } ],
//                 "global": {...} }
//     | { "error": "message" } }
// Anything Marp logs goes to stderr so stdout stays parseable.

import { readFileSync } from 'node:fs'
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

function structureOf(path) {
  let markdown = readFileSync(path, 'utf8')
  // marp-cli drops a leading BOM before rendering (Converter#convert).
  if (markdown.charCodeAt(0) === 0xfeff) markdown = markdown.slice(1)
  const { comments } = marp.render(markdown)
  const slides = marp.lastSlideTokens.map((tokens, index) => {
    const open = tokens.find((t) => t.type === 'marpit_slide_open')
    return {
      directives: directivesOf(open?.meta?.marpitDirectives),
      backgrounds: backgroundsOf(tokens),
      notes: comments[index].length,
    }
  })
  return { slides, global: directivesOf(marp.lastGlobalDirectives) }
}

function readPaths() {
  const args = process.argv.slice(2)
  if (args.length > 0) return args
  const input = readFileSync(0, 'utf8').trim()
  const paths = input ? JSON.parse(input) : []
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new Error('stdin must be a JSON array of file paths')
  }
  return paths
}

const result = {}
for (const path of readPaths()) {
  try {
    result[path] = structureOf(path)
  } catch (error) {
    result[path] = { error: String(error?.message ?? error) }
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`)
