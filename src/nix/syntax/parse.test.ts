import { spawn, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLargeConfiguration } from '../../../bench/parse.bench-data';
import type { AttrName, Binding, BinaryOp, Expr } from './ast';
import { staticAttrPath, stringLiteralValue } from './ast';
import { freeIdentifiers } from './free-vars';
import { tokenize } from './lexer';
import { parseBindings, parseNix } from './parse';

// ---------------------------------------------------------------- corpus
// Every entry is checked against our expectation here and, when Nix is
// installed, against `nix-instantiate --parse` itself.

const NIXOS_MODULE = `{ config, lib, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  environment.systemPackages = with pkgs; [ git vim (python3.withPackages (ps: [ ps.requests ])) ];
  services.xserver.enable = lib.mkDefault false;
  specialisation = {
    gaming.configuration = {
      system.nixos.tags = [ "gaming" ];
      hardware.nvidia.prime.sync.enable = lib.mkForce true;
    };
    "work-mode".configuration = { config, ... }: {
      networking.hostName = lib.mkForce "\${config.networking.hostName}-work";
    };
  };
  specialisation.travel = { inheritParentConfig = false; configuration.imports = [ ../common.nix ]; };
  systemd.services.backup = {
    script = ''
      set -eu
      echo "backing up ''\${HOME}" '''quoted'''
      \${pkgs.rsync}/bin/rsync -a /home/ /backup/
    '';
    serviceConfig.Type = "oneshot";
  };
  users.users.alice.extraGroups = [ "wheel" ] ++ lib.optional config.virtualisation.docker.enable "docker";
  networking.firewall.allowedTCPPorts = [ 22 80 443 ];
  system.stateVersion = "24.05"; # keep
}
`;

const LET_MODULE = `{ lib, config, ... }:
let
  cfg = config.services.studio;
  inherit (lib) mkIf mkOption types;
in {
  options.services.studio.enable = mkOption { type = types.bool; default = false; };
  config = mkIf cfg.enable (lib.mkMerge [
    { environment.etc."studio.conf".text = builtins.toJSON { inherit (cfg) enable; }; }
    (mkIf (cfg.enable && !config.boot.isContainer) { boot.kernelParams = [ "quiet" ]; })
  ]);
}`;

const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
  outputs = { self, nixpkgs, ... }@inputs: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      specialArgs = { inherit inputs; };
      modules = [ ./configuration.nix ({ pkgs, ... }: { environment.systemPackages = [ pkgs.hello ]; }) ];
    };
  };
}`;

const VALID = [
  // numbers (and the forms that are really applications in Nix)
  '123', '007', '9223372036854775807', '1.5', '1.', '.5', '0.5', '1.e3', '.5e-3', '1.5E+2', '1e3', '01.5', 'a.5', 'a.b.1',
  // strings
  '"hello"', '""', '"a\\"b"', '"\\${x}"', '"$${x}"', '"$$${"x"}"', '"a$"', '"$"', '"\\q\\$"', '"${"a"}"',
  '"a${"b${"c"}d"}e"', '"${ { a = "x"; }.a }"', '"line\nbreak"', '"tab\\t\\r\\n"', '"a\r\nb\rc"',
  // indented strings
  "''\n  a\n    b\n''", "''''", "''a''", "''  \n  x\n''", "''\n  '''q'''\n''", "''\n  ''${not}\n''", "''\n  ''$x\n''",
  "''a''\\nb''", "''\n  ${\"x\"}\n   b\n''", "''\n  ${''\n    nested ${\"deep\"}\n  ''}\n''", "''$''", "''a'${\"x\"}''",
  "''$${x}''", "''\n''\\n    b\n''", "''\n  ''\\ x\n    b\n''", "''\n    b\n  ''\\ \n''", "''\n    b\n   ''", "''\r\n  a\r\n''",
  "''\n   \n''", "''\n\ta\n''", "'' x ''",
  // paths, search paths, URIs
  './a', './a/b.nix', '../a', '/abs', '~/x', 'a/b', './.', './..', './a${"b"}', './a/${"b"}.nix', '/${"b"}', '~/${"a"}',
  './a${"b"}/${"c"}', 'a/${"b"}', '1/2', 'a.b.c/d', '-a/b', '/a/${"b"}c', './a${"b"}${"c"}', '/a//${"b"}',
  '<nixpkgs>', '<nixpkgs/lib>', 'https://x.org/a?b=c', 'x:x', 'git+ssh://git@github.com/a/b', 'a:b',
  // identifiers and keywords-as-attributes
  'a-b', "a'", '_a', 'a->b', '__curPos', '{ or = 1; }.or', '{ a.or = 1; }', 'let or = 1; in 1', '{ inherit or; }',
  // attribute sets
  '{ }', '{ a = 1; }', '{ a.b.c = 1; a.b.d = 2; }', '{ "a b" = 1; }', '{ ${"a"} = 1; }', '{ ${x} = 1; }', '{ "${x}y" = 1; }',
  'rec { a = 1; b = a; }', '{ inherit a b; }', '{ inherit (x) a "b"; }', '{ inherit; }', '{ inherit (x); }',
  '{ a = { b = 1; }; a.c = 2; }', '{ a.b = 1; a = { c = 2; }; }', '{ a = rec { }; a.b = 1; }', '{ a = ({ b = 1; }); a.c = 2; }',
  '{ a = { b = 1; }; a = { c = 2; }; }', '{ ${a} = 1; ${a} = 2; }', '{ a.${b}.c = 1; a.${b}.c = 2; }', '{ "" = 1; }',
  '{ inherit ${"a"}; }', '{"a"=1;}',
  // select, has-attr, the `or` quirk
  'a.b', 'a."b c".d', 'a.${b}', 'a.b or c', 'a.b or c.d or e', '(a).b', '{ a = 1; } .a', 'a ? b', 'a ? b.c', 'a ? "b"',
  'a ? ${b}', 'a ? b ? c', 'a ? or', 'x or', '[ a or b ]', 'f a.b or c d',
  // functions
  'x: x', 'x: y: x', '{ a, b }: a', '{ a ? 1, b ? a }: b', '{ ... }: 1', '{ a, ... }: a', '{ a, }: a', '{ }: 1',
  'args@{ a, ... }: a', '{ a, ... }@args: a', '{ } @ x: x', 'x @ { }: x', '{ a ? x: x }: a',
  // let, with, assert, if
  'let a = 1; in a', 'let in 1', 'let a = 1; b = a; in b', 'let inherit (x) a; in a', 'let ${"a"} = 1; in a',
  "let ${''a''} = 1; in a", "let ${''''} = 1; in 1", 'let a.${b} = 1; in a', 'let { body = 1; }', 'let { a = 1; body = a; }.body',
  'with pkgs; [ git vim ]', 'assert a; b', 'if a then b else c', 'if a then x: x else y: y', 'with a; with b; c',
  // operators
  '1 + 2 * 3', '!a + b', '-a ? b', '- - 1', '!!a', '-!a', 'a -> b -> c', 'a // b // c', 'a ++ b ++ c', 'a < b == c < d',
  '1 + -2', 'f -1', 'a - b - c', 'a || b && c', '!a == b', 'f (a b)', 'f [1] [2]', 'f { }', 'f let { body = 1; }',
  'f rec { }', 'f ./a', 'f <a>', '1 2', '"a" "b"', 'a ++ b ? c', 'a*b/c', 'a/ b',
  // comments and whitespace
  '/* c */ 1', '1 # c', '1/*a*/+2', '/**/1', '/***/1', '/* * / */1', 'a /**/ b', '#\r1', ' "a" ', '\t1\r\n', '{\r\n  a = 1;\r\n}\r\n',
  NIXOS_MODULE, LET_MODULE, FLAKE,
];

const INVALID = [
  '', '# only a comment', '/* c */', '{', '}', ']', '{ a = 1', '{ a = 1 }', '{ a }', '{"a": 1}', '[ -1 ]', '[ 1 + 2 ]', '1 +',
  '1 < 2 < 3', '1 == 2 != 3', 'a == b == c', 'if a then b', 'assert a b', 'let a = 1; in', 'let a = 1;', 'x: x:', 'x.y: 1',
  '{ a, a }: a', '{ a }@a: a', 'a@{ a }: a', '{ , }: a', '{ a, ..., }: a', '{ ..., a }: a', '{ or }: 1', 'or', 'a.b or',
  '{ a = 1; a = 2; }', '{ a = 1; a.b = 2; }', '{ inherit a; a.b = 1; }', '{ inherit a a; }', '{ a = { b = 1; }; a.b.c = 2; }',
  '{ a.b = 1; a = { b.c = 2; }; }', '{ a = let {}; a.b = 1; }', '{ inherit (a) b; b = {}; }', '{ ${"a"} = 1; "a" = 2; }',
  'let ${"a" + "b"} = 1; in 1', 'let ${a} = 1; in 1', '{ inherit "${a}"; }', '{ inherit ${a}; }', "let ${''a''$''} = 1; in 1",
  '"abc', '"\\', '"$', '"$\\', "''abc", "''a'''", "''a'", '0.', '.', '..', '/', '~', '$', '${1}', 'a/', './a/', '~/a/',
  '/a//b', './a${"b"}/', '9223372036854775808', '1.e999', '1.e-400', '1.e-310', '/* unterminated', 'rec', 'rec a',
  'f let a = 1; in a', '1 + if a then b else c', '<a/b/>', '< a >', 'inherit', '{ a = 1; }}', 'a |> b', 'a <| b', '\f1',
  'a & b', '1 + 1 = 2', '{ if = 1; }', '{ a.if = 1; }', '(', '(1', '[1', '"${', "''${", '{ a = "${b', 'a ? 1', 'a.(b)', 'a..b',
  '"${1}"${', 'let { a = 1; } 2 3 in', '{ a ? 1 }', '{ a, b }', 'x: ', 'a.b.', '[ x: x ]', 'a - > b', 'f x: x',
];

/** Extra string literals whose decoded value is compared with `nix-instantiate --eval`. */
const STRINGS = [
  "''\n  a\n    b\n  ''", "''\n  a''\\n  b\n''", "''\n  ''\\n  b\n  c\n''", "''\n  ''$x\n  b\n''", "''\r\n  a\r\n  b\r\n''",
  "''  \n  a\n''", "''\n    ${\"x\"}\n  '''b\n''", "''\n a ${\"x\"}  \n ''", "''\n    b\n  ${\"x\"}''", "''\n    b\n  ''$''",
  "''\n\n   \n    a\n\n  b\n''", "'' \t x\n  y''", '"\\\\${"x"}"', '"\\$${"x"}"', "''\\\\''", "''\n  a\n\n''",
];

const accepted = (src: string) => parseNix(src).ok;

describe('corpus', () => {
  it.each(VALID.map((s) => [JSON.stringify(s).slice(0, 60), s]))('accepts %s', (_, src) => {
    const r = parseNix(src);
    if (!r.ok) expect.fail(`${r.error.line}:${r.error.column}: ${r.error.message}`);
  });

  it.each(INVALID.map((s) => [JSON.stringify(s).slice(0, 60), s]))('rejects %s', (_, src) => {
    const r = parseNix(src);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBeGreaterThanOrEqual(1);
      expect(r.error.column).toBeGreaterThanOrEqual(1);
      expect(r.error.message).toMatch(/\w/);
    }
  });
});

// ---------------------------------------------------------------- helpers

/** Structure without positions, derived names or parentheses, with string parts normalised. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  if (n.type === 'Paren') return shape(n.expr);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === 'start' || k === 'end' || k === 'raw' || (k === 'name' && String(n.type).startsWith('Attr') && n.type !== 'AttrIdent')) continue;
    if (k === 'parts') {
      const parts: Array<Record<string, unknown>> = [];
      for (const p of v as Array<Record<string, unknown>>) {
        const last = parts[parts.length - 1];
        if (p.type === 'Text' && p.value === '') continue;
        if (p.type === 'Text' && last?.type === 'Text') last.value = String(last.value) + String(p.value);
        else parts.push(p.type === 'Text' ? { type: 'Text', value: p.value } : { type: p.type, expr: shape(p.expr) });
      }
      out[k] = parts;
    } else if (v !== undefined) out[k] = shape(v);
  }
  return out;
}

const PREC: Record<BinaryOp, number> = {
  '->': 1, '||': 2, '&&': 3, '==': 4, '!=': 4, '<': 5, '<=': 5, '>': 5, '>=': 5, '//': 6,
  '+': 8, '-': 8, '*': 9, '/': 9, '++': 10,
};
const RIGHT = new Set(['->', '//', '++']);
const NONASSOC = new Set(['==', '!=', '<', '<=', '>', '>=']);

function level(e: Expr): number {
  switch (e.type) {
    case 'Lambda': case 'Let': case 'With': case 'Assert': case 'If': return 0;
    case 'Binary': return PREC[e.op];
    case 'Unary': return e.op === '!' ? 7 : 12;
    case 'HasAttr': return 11;
    case 'Apply': return 13;
    case 'Select': return 14;
    default: return 15;
  }
}

const esc = (s: string) => s.replace(/[\\"$]/g, (c) => '\\' + c).replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');

/** A minimal printer: parenthesises only where precedence requires, spaces everywhere else. */
function print(e: Expr, min = 0): string {
  const s = printBare(e);
  return level(e) < min ? `(${s})` : s;
}

function printAttr(a: AttrName): string {
  if (a.type === 'AttrIdent') return a.name;
  if (a.type === 'AttrString') return printBare(a.string);
  return '${' + print(a.expr) + '}';
}

function printBindings(bs: readonly Binding[]): string {
  return bs.map((b) => b.type === 'Inherit'
    ? `inherit ${b.from ? `(${print(b.from)}) ` : ''}${b.names.map(printAttr).join(' ')}; `
    : `${b.path.map(printAttr).join('.')} = ${print(b.value)}; `).join('');
}

function printBare(e: Expr): string {
  switch (e.type) {
    case 'Ident': return e.name;
    case 'Int': return String(e.value);
    case 'Float': return e.raw;
    case 'String': return '"' + e.parts.map((p) => p.type === 'Text' ? esc(p.value) : '${' + print(p.expr) + '}').join('') + '"';
    case 'Path': return e.parts.map((p) => p.type === 'Text' ? p.value : '${' + print(p.expr) + '}').join('');
    case 'SearchPath': return `<${e.path}>`;
    case 'Uri': return e.value;
    case 'Select': return `${print(e.expr, 15)} .${e.attrpath.map(printAttr).join('.')}${e.default ? ` or ${print(e.default, 14)}` : ''}`;
    case 'HasAttr': return `${print(e.expr, 11)} ? ${e.attrpath.map(printAttr).join('.')}`;
    case 'Apply': return `${print(e.fn, 13)} ${print(e.arg, 14)}`;
    case 'Lambda': {
      // ' , ' because a URI default would swallow an adjacent comma.
      const f = e.formals && `{ ${[...e.formals.entries.map((x) => x.name + (x.default ? ` ? ${print(x.default)}` : '')), ...(e.formals.ellipsis ? ['...'] : [])].join(' , ')} }`;
      const head = !f ? e.param!.name : !e.param ? f : e.paramPosition === 'before' ? `${e.param.name}@${f}` : `${f}@${e.param.name}`;
      return `${head}: ${print(e.body)}`;
    }
    case 'Let': return `let ${printBindings(e.bindings)}in ${print(e.body)}`;
    case 'LegacyLet': return `let { ${printBindings(e.bindings)}}`;
    case 'With': return `with ${print(e.env)}; ${print(e.body)}`;
    case 'Assert': return `assert ${print(e.cond)}; ${print(e.body)}`;
    case 'If': return `if ${print(e.cond)} then ${print(e.then)} else ${print(e.else)}`;
    case 'Attrs': return `${e.rec ? 'rec ' : ''}{ ${printBindings(e.bindings)}}`;
    case 'List': return `[ ${e.elements.map((x) => print(x, 14) + ' ').join('')}]`;
    case 'Unary': return `${e.op} ${print(e.operand, e.op === '!' ? 8 : 13)}`;
    case 'Binary': {
      const p = PREC[e.op];
      const [l, r] = NONASSOC.has(e.op) ? [p + 1, p + 1] : RIGHT.has(e.op) ? [p + 1, p] : [p, p + 1];
      return `${print(e.left, l)} ${e.op} ${print(e.right, r)}`;
    }
    case 'Paren': return `(${print(e.expr)})`;
  }
}

/** Nix 2.8's `--parse` output format, for the operator subset the precedence oracle generates. */
function nixShow(e: Expr): string {
  const call = (x: Expr): string[] | null => {
    while (x.type === 'Paren') x = x.expr;
    if (x.type === 'Apply') return [...(call(x.fn) ?? [nixShow(x.fn)]), nixShow(x.arg)];
    if (x.type === 'Unary' && x.op === '-') return ['__sub', '0', nixShow(x.operand)];
    if (x.type !== 'Binary') return null;
    const [a, b] = [nixShow(x.left), nixShow(x.right)];
    return ({ '-': ['__sub', a, b], '*': ['__mul', a, b], '/': ['__div', a, b], '<': ['__lessThan', a, b], '>': ['__lessThan', b, a] } as Record<string, string[]>)[x.op] ?? null;
  };
  const asCall = call(e);
  if (asCall) return `(${asCall.join(' ')})`;
  const path = (p: readonly AttrName[]) => p.map((a) => (a as { name: string }).name).join('.');
  switch (e.type) {
    case 'Paren': return nixShow(e.expr);
    case 'Ident': return e.name;
    case 'Int': return String(e.value);
    case 'Unary': return `(! ${nixShow(e.operand)})`;
    case 'HasAttr': return `((${nixShow(e.expr)}) ? ${path(e.attrpath)})`;
    case 'Select': return `(${nixShow(e.expr)}).${path(e.attrpath)}${e.default ? ` or (${nixShow(e.default)})` : ''}`;
    case 'If': return `(if ${nixShow(e.cond)} then ${nixShow(e.then)} else ${nixShow(e.else)})`;
    case 'Binary':
      if (e.op === '<=') return `(! (__lessThan ${nixShow(e.right)} ${nixShow(e.left)}))`;
      if (e.op === '>=') return `(! (__lessThan ${nixShow(e.left)} ${nixShow(e.right)}))`;
      return `(${nixShow(e.left)} ${e.op} ${nixShow(e.right)})`;
    default: throw new Error(`nixShow: ${e.type}`);
  }
}

// ---------------------------------------------------------------- generators

const at0 = { start: 0, end: 0 };
const T = <X extends object>(x: X) => ({ ...x, ...at0 }) as unknown as Expr;
const ident = fc.constantFrom('a', 'b', 'x', 'foo', 'bar-baz', "q'", '_u', 'lib', 'pkgs').map((name) => T({ type: 'Ident', name }));
const int = fc.nat(1000).map((value) => T({ type: 'Int', value, raw: String(value) }));
const attrIdent = fc.constantFrom('a', 'b', 'or', 'enable', 'foo-bar').map((name) => ({ type: 'AttrIdent', name, ...at0 }) as AttrName);
const opArb = fc.constantFrom<BinaryOp>(...(Object.keys(PREC) as BinaryOp[]));

/** Operator-only expressions, for comparing precedence against Nix's own `--parse` output. */
const opExpr = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 5, depthSize: 'small' },
    fc.oneof(ident, int),
    fc.tuple(opArb, tie('e'), tie('e')).map(([op, left, right]) => T({ type: 'Binary', op, left, right })),
    fc.tuple(fc.constantFrom('!', '-'), tie('e')).map(([op, operand]) => T({ type: 'Unary', op, operand })),
    fc.tuple(tie('e'), tie('e')).map(([fn, arg]) => T({ type: 'Apply', fn, arg })),
    fc.tuple(tie('e'), fc.array(attrIdent.filter((a) => a.name !== 'or'), { minLength: 1, maxLength: 2 }), fc.option(tie('e'), { nil: undefined }))
      .map(([expr, attrpath, d]) => T({ type: 'Select', expr, attrpath, ...(d ? { default: d } : {}) })),
    fc.tuple(tie('e'), fc.array(attrIdent.filter((a) => a.name !== 'or'), { minLength: 1, maxLength: 2 }))
      .map(([expr, attrpath]) => T({ type: 'HasAttr', expr, attrpath })),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([cond, then, e]) => T({ type: 'If', cond, then, else: e })),
  ),
})).e;

const text = fc.string({ unit: fc.constantFrom('a', ' ', '$', '{', '}', '"', '\\', '\n', '\r', "'", 'é', '\t', '#'), maxLength: 6 });

/** Whole-language expressions for the print → parse round trip. Bindings avoid Nix's duplicate rules. */
const anyExpr = fc.letrec<{ e: Expr; str: Expr; attr: AttrName }>((tie) => {
  const binds = (allowDynamic: boolean) => fc.tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'or', '"s p"'), fc.array(tie('attr'), { maxLength: 2 }), tie('e')), { selector: (x) => x[0], maxLength: 3 }),
    fc.subarray(['i1', 'i2']), fc.option(fc.tuple(tie('e'), fc.subarray(['j1', 'j2'], { minLength: 1 })), { nil: undefined }),
    allowDynamic ? fc.array(fc.tuple(ident, tie('e')), { maxLength: 1 }) : fc.constant([]),
  ).map(([plain, inh, inhFrom, dyn]): Binding[] => {
    const nm = (n: string): AttrName => n.startsWith('"')
      ? { type: 'AttrString', string: T({ type: 'String', indented: false, parts: [{ type: 'Text', value: n.slice(1, -1), ...at0 }] }) as never, name: n.slice(1, -1), ...at0 }
      : { type: 'AttrIdent', name: n, ...at0 };
    const out: Binding[] = plain.map(([first, rest, value]) => ({ type: 'AttrBinding', path: [nm(first), ...rest], value, ...at0 }));
    if (inh.length > 0) out.push({ type: 'Inherit', names: inh.map(nm), ...at0 });
    if (inhFrom) out.push({ type: 'Inherit', from: inhFrom[0], names: inhFrom[1].map(nm), ...at0 });
    for (const [id, value] of dyn) out.push({ type: 'AttrBinding', path: [{ type: 'AttrInterp', expr: id, name: null, ...at0 }], value, ...at0 });
    return out;
  });
  return {
    attr: fc.oneof(attrIdent, tie('str').map((s) => ({ type: 'AttrString', string: s, name: null, ...at0 }) as AttrName),
      ident.map((x) => ({ type: 'AttrInterp', expr: x, name: null, ...at0 }) as AttrName)),
    str: fc.array(fc.oneof(text.map((value) => ({ type: 'Text', value, ...at0 })), tie('e').map((expr) => ({ type: 'Interpolation', expr, ...at0 }))), { maxLength: 3 })
      .map((parts) => T({ type: 'String', indented: false, parts })),
    e: fc.oneof(
      { maxDepth: 4, depthSize: 'small' },
      fc.oneof(ident, int, fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => T({ type: 'Float', value: Number(`${a}.${b}`), raw: `${a}.${b}` })),
        fc.constantFrom('./a', './a/b.nix', '/etc/nixos', '~/x', 'a/b').map((value) => T({ type: 'Path', parts: [{ type: 'Text', value, ...at0 }] })),
        fc.constantFrom('nixpkgs', 'nixpkgs/lib').map((path) => T({ type: 'SearchPath', path })),
        fc.constant(T({ type: 'Uri', value: 'https://x.org/a?b=c' }))),
      tie('str'),
      fc.tuple(fc.constantFrom('./a/', '~/', '/'), tie('e'), fc.constantFrom('', '.nix', '/c')).map(([pre, expr, post]) =>
        T({ type: 'Path', parts: [{ type: 'Text', value: pre, ...at0 }, { type: 'Interpolation', expr, ...at0 }, ...(post ? [{ type: 'Text', value: post, ...at0 }] : [])] })),
      fc.tuple(tie('e'), fc.array(tie('attr'), { minLength: 1, maxLength: 3 }), fc.option(tie('e'), { nil: undefined }))
        .map(([expr, attrpath, d]) => T({ type: 'Select', expr, attrpath, ...(d ? { default: d } : {}) })),
      fc.tuple(tie('e'), fc.array(tie('attr'), { minLength: 1, maxLength: 2 })).map(([expr, attrpath]) => T({ type: 'HasAttr', expr, attrpath })),
      fc.tuple(tie('e'), tie('e')).map(([fn, arg]) => T({ type: 'Apply', fn, arg })),
      fc.tuple(fc.option(fc.constantFrom('args', 'self'), { nil: undefined }), fc.option(fc.tuple(fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), fc.array(fc.option(tie('e'), { nil: undefined }), { minLength: 3, maxLength: 3 }), fc.boolean()), { nil: undefined }), fc.boolean(), tie('e'))
        .map(([param, formals, before, body]) => T({
          type: 'Lambda', body,
          ...(param || !formals ? { param: { name: param ?? 'x', ...at0 } } : {}),
          ...(formals ? { formals: { entries: formals[0].map((name, i) => ({ name, ...at0, ...(formals[1][i] ? { default: formals[1][i] } : {}) })), ellipsis: formals[2], ...at0 } } : {}),
          ...(param && formals ? { paramPosition: before ? 'before' : 'after' } : {}),
        })),
      fc.tuple(binds(false), tie('e')).map(([bindings, body]) => T({ type: 'Let', bindings, body })),
      binds(false).map((bindings) => T({ type: 'LegacyLet', bindings })),
      fc.tuple(fc.constantFrom('With', 'Assert'), tie('e'), tie('e')).map(([type, a, body]) => T(type === 'With' ? { type, env: a, body } : { type, cond: a, body })),
      fc.tuple(tie('e'), tie('e'), tie('e')).map(([cond, then, e]) => T({ type: 'If', cond, then, else: e })),
      fc.tuple(fc.boolean(), binds(true)).map(([rec, bindings]) => T({ type: 'Attrs', rec, bindings })),
      fc.array(tie('e'), { maxLength: 3 }).map((elements) => T({ type: 'List', elements })),
      fc.tuple(fc.constantFrom('!', '-'), tie('e')).map(([op, operand]) => T({ type: 'Unary', op, operand })),
      fc.tuple(opArb, tie('e'), tie('e')).map(([op, left, right]) => T({ type: 'Binary', op, left, right })),
    ),
  };
}).e;

/** Random runs of token fragments: mostly invalid, good at reaching lexer corners. */
const soup = fc.array(fc.constantFrom('{', '}', '[', ']', '(', ')', '${', '"', "''", "'''", '$', '\\', ';', ':', '.', '?', 'or', 'let', 'in',
  'rec', 'inherit', 'a', '1', '.5', './a', '~/', '<x>', 'x:y', '/*', '*/', '#', '\n', '\r', ' ', '//', '->', '@', '...', '\0', 'é', '=', '-', '!',
  "''$", "''\\", 'e3', '1.', '0', '+', '*', '<', '>', '&&', ',', '~', 'http://a', 'x/', '/${'),
{ maxLength: 40 }).map((a) => a.join(''));

// ---------------------------------------------------------------- properties

describe('properties', () => {
  it('print → parse round-trips random syntax trees', () => {
    fc.assert(fc.property(anyExpr, (e) => {
      const src = print(e);
      const r = parseNix(src);
      if (!r.ok) throw new Error(`${src}\n${r.error.line}:${r.error.column}: ${r.error.message}`);
      expect(shape(r.ast)).toEqual(shape(e));
    }), { numRuns: 400, seed: 42 });
  });

  it('never throws on arbitrary strings, bytes or token soup', () => {
    const inputs = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), soup,
      fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder('utf-8').decode(b)),
      fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder('latin1').decode(b)));
    fc.assert(fc.property(inputs, (src) => {
      const a = parseNix(src);
      const b = parseBindings(src);
      for (const r of [a, b]) if (!r.ok) expect(r.error.line).toBeGreaterThanOrEqual(1);
      expect(() => tokenize(src)).not.toThrow();
    }), { numRuns: 2000, seed: 7 });
  });
});

describe('limits', () => {
  const deep: Array<[string, string]> = [
    ['lists', '['.repeat(10000) + ']'.repeat(10000)], ['parens', '('.repeat(10000) + '1' + ')'.repeat(10000)],
    ['unterminated parens', '('.repeat(10000)], ['sets', '{ a = '.repeat(10000)], ['not', '!'.repeat(10000) + 'a'],
    ['negation', '-'.repeat(10000) + '1'], ['interpolation', '"${'.repeat(10000)], ['lambdas', 'x: '.repeat(10000) + 'x'],
    ['let', 'let in '.repeat(10000) + '1'], ['sum', Array(20000).fill('a').join(' + ')], ['update', Array(20000).fill('a').join(' // ')],
    ['application', 'f' + ' a'.repeat(20000)], ['defaults', Array(20000).fill('a.b').join(' or ')],
  ];
  it.each(deep)('deep %s give an error, not a stack overflow', (_, src) => {
    const r = parseNix(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/nested too deeply/);
  });

  it('respects maxDepth and maxLength', () => {
    expect(parseNix('[[[1]]]', { maxDepth: 2 }).ok).toBe(false);
    expect(parseNix('[[[1]]]', { maxDepth: 10 }).ok).toBe(true);
    const r = parseNix('1 + 1', { maxLength: 3 });
    expect(!r.ok && r.error.message).toMatch(/too long/);
  });
});

describe('errors', () => {
  const cases: Array<[string, number, number, RegExp]> = [
    ['{ a = 1 }', 1, 9, /expected ';' after the binding value, found '}'/],
    ['{\n  a = 1;\n  b = {\n    c = 2;\n', 5, 1, /unexpected end of input: a '\{' opened at 3:7 is not closed/],
    ['{ a = "abc; }', 1, 14, /unterminated string: the '"' at 1:7 is never closed/],
    ['}', 1, 1, /unexpected '}'/],
    ['{"a": 1}', 1, 5, /expected '=' after the attribute name, found ':'/],
    ['[ 1 + 2 ]', 1, 5, /'\+' in a list/],
    ['1 < 2 < 3', 1, 7, /cannot be chained/],
    ['{ a = 1; a = 2; }', 1, 10, /attribute 'a' already defined at 1:3/],
    ['let ${x} = 1; in 1', 1, 5, /dynamic attributes not allowed in let/],
    ['{ a, a }: a', 1, 6, /duplicate formal function argument 'a'/],
    ['./a/ ', 1, 5, /trailing slash/],
    ['x\r\ny\r(\r\n', 4, 1, /'\(' opened at 3:1/],
    ['a |> b', 1, 3, /unexpected character '\|'/],
    ['"a" \0 b', 1, 5, /NUL/],
  ];
  it.each(cases)('%j → %i:%i', (src, line, column, message) => {
    const r = parseNix(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line, column, message: expect.stringMatching(message) });
  });
});

describe('API', () => {
  it('gives source ranges and tokens with comments', () => {
    const src = '{\n  # the host\n  networking.hostName = "x"; /* done */\n}';
    const r = parseNix(src);
    if (!r.ok || r.ast.type !== 'Attrs') return expect.fail('parse');
    const b = r.ast.bindings[0]!;
    expect(src.slice(b.start, b.end)).toBe('networking.hostName = "x";');
    expect(b.type === 'AttrBinding' && staticAttrPath(b.path)).toEqual(['networking', 'hostName']);
    const comments = r.tokens.filter((t) => t.kind === 'COMMENT').map((t) => [src.slice(t.start, t.end), t.line, t.column]);
    expect(comments).toEqual([['# the host', 2, 3], ['/* done */', 3, 30]]);
  });

  it('resolves static attribute names the way Nix does', () => {
    const r = parseBindings('specialisation."gaming".${"configuration"}.x = 1; a.${b}.c = 2; "x${y}" = 3;');
    if (!r.ok) return expect.fail(r.error.message);
    expect(r.bindings.map((b) => b.type === 'AttrBinding' && staticAttrPath(b.path))).toEqual([['specialisation', 'gaming', 'configuration', 'x'], null, null]);
  });

  it('exposes enough to find specialisations in any spelling', () => {
    const r = parseNix(`{ lib, ... }: {
      specialisation.a.configuration = { };
      specialisation = { b.configuration.x = 1; "c" = { configuration = { }; }; };
      specialisation.\${"d"} = { inheritParentConfig = false; configuration = lib.mkForce { }; };
    }`);
    const found = new Set<string>();
    const walk = (bindings: readonly Binding[], prefix: string[]): void => {
      for (const b of bindings) {
        const path = b.type === 'AttrBinding' ? staticAttrPath(b.path) : null;
        if (b.type !== 'AttrBinding' || !path) continue;
        const full = [...prefix, ...path];
        if (full[0] === 'specialisation' && full[2] === 'configuration') found.add(full[1]!);
        let v = b.value;
        while (v.type === 'Paren') v = v.expr;
        if (v.type === 'Attrs' && !v.rec) walk(v.bindings, full);
      }
    };
    if (!r.ok || r.ast.type !== 'Lambda' || r.ast.body.type !== 'Attrs') return expect.fail('parse');
    walk(r.ast.body.bindings, []);
    expect([...found].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('parses binding fragments', () => {
    for (const src of ['', '  # only a comment\n', 'a = 1; b.c = 2; inherit x;', 'inherit (pkgs) git;']) expect(parseBindings(src).ok).toBe(true);
    for (const src of ['a = 1', '{ a = 1; }', 'a = 1; }', 'a = 1; a = 2;', '1']) expect(parseBindings(src).ok).toBe(false);
    const r = parseBindings('a = 1;\nb = ;');
    expect(!r.ok && [r.error.line, r.error.column]).toEqual([2, 5]);
  });

  it('finds free identifiers', () => {
    const free = (r: ReturnType<typeof parseNix> | ReturnType<typeof parseBindings>) => {
      if (!r.ok) throw new Error(r.error.message);
      return [...freeIdentifiers('ast' in r ? r.ast : r.bindings)].sort();
    };
    expect(free(parseNix('{ config, lib, ... }: { x = lib.mkForce pkgs.hello; y = config.a; }'))).toEqual(['pkgs']);
    expect(free(parseBindings('a = lib.mkIf cfg.enable { }; b = with pkgs; [ git ];'))).toEqual(['cfg', 'git', 'lib', 'pkgs']);
    expect(free(parseBindings('a = b; b = 1;'))).toEqual(['b']);
    expect(free(parseNix('let a = b; b = 1; inherit c; inherit (d) e; in a + e'))).toEqual(['c', 'd']);
    expect(free(parseNix('rec { a = b; b = 1; c = "${x}"; ${y} = 2; }'))).toEqual(['x', 'y']);
    expect(free(parseNix('{ a = b; b = 1; }'))).toEqual(['b']);
    expect(free(parseNix('{ a ? b, b ? c }@args: args.a'))).toEqual(['c']);
    expect(free(parseNix('x: { ${x} = y; }.z or w'))).toEqual(['w', 'y']);
    expect(free(parseNix('f or'))).toEqual(['f', 'or']);
    expect(free(parseNix('__curPos'))).toEqual([]);
  });

  it('decodes string literals', () => {
    const value = (src: string) => { const r = parseNix(src); return r.ok ? stringLiteralValue(r.ast) : r.error.message; };
    expect(value('"a\\"b\\${c}$${d}\\n"')).toBe('a"b${c}$${d}\n');
    expect(value("''\n    a\n      ''${b}\n    '''c'''\n  ''")).toBe('a\n  ${b}\n\'\'c\'\'\n');
  });
});

describe('performance', () => {
  // How fast is measured by `npm run bench` (bench/import.ts, "5,000-line configuration parses"), not here:
  // a time budget in a test fails on a loaded machine.
  it('parses a 5,000-line configuration', () => {
    const src = buildLargeConfiguration(5000);
    expect(src.split('\n').length).toBeGreaterThanOrEqual(5000);
    expect(parseNix(src).ok).toBe(true);
  });
});

// ---------------------------------------------------------------- real Nix as the oracle

const NIX = process.env.NIX_INSTANTIATE ?? 'nix-instantiate';
const hasNix = spawnSync(NIX, ['--version'], { encoding: 'utf8' }).status === 0;
const nixTitle = hasNix ? 'real-Nix oracle' : "real-Nix oracle (skipped: nix-instantiate not found: install Debian's nix-bin to run the real-Nix oracle tests)";

function runNix(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(NIX, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('error', (e) => resolve({ code: -1, stdout, stderr: String(e) }));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    p.stdin.on('error', () => undefined);
    p.stdin.end(input);
  });
}

async function pool<A, B>(items: readonly A[], f: (a: A) => Promise<B>, width = 6): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) { const i = next++; out[i] = await f(items[i]!); }
  }));
  return out;
}

/** Nix parses before it resolves names, so "undefined variable" still means the syntax was accepted. */
const nixAccepts = async (src: string) => {
  const r = await runNix(['--parse', '-'], src);
  return r.code === 0 || /undefined variable/.test(r.stderr);
};

async function disagreements(inputs: readonly string[], ours: (s: string) => boolean): Promise<string[]> {
  const verdicts = await pool(inputs, nixAccepts);
  return inputs.flatMap((src, i) => (verdicts[i] === ours(src) ? [] : [`nix ${verdicts[i] ? 'accepts' : 'rejects'}: ${JSON.stringify(src)}`]));
}

describe.skipIf(!hasNix)(nixTitle, () => {
  it('agrees with Nix on the whole corpus', async () => {
    expect(await disagreements([...VALID, ...INVALID], accepted)).toEqual([]);
  }, 120_000);

  it('agrees with Nix on binding fragments', async () => {
    const frags = ['', '# c', 'a = 1;', 'a.b = 1; a.c = 2;', 'inherit a; inherit (b) c;', 'a = 1', 'a = 1; a = 2;', '"a b" = 1;', '${x} = 1;', 'a = {', 'a = 1; }'];
    const ours = (s: string) => parseBindings(s).ok;
    const verdicts = await pool(frags, (s) => nixAccepts(`{\n${s}\n}`));
    expect(frags.filter((s, i) => verdicts[i] !== ours(s))).toEqual([]);
  }, 60_000);

  // NIX_FUZZ_RUNS / NIX_FUZZ_SEED widen these differential runs locally.
  const runs = Number(process.env.NIX_FUZZ_RUNS ?? 300);
  const seed = Number(process.env.NIX_FUZZ_SEED ?? 1234);

  it('agrees with Nix on token soup', async () => {
    const inputs = fc.sample(soup, { numRuns: runs, seed }).filter((s) => !s.includes('\0'));
    expect(await disagreements(inputs, accepted)).toEqual([]);
  }, 600_000);

  it('agrees with Nix on mutated random programs', async () => {
    const mutate = fc.tuple(anyExpr, fc.nat(), fc.nat(), fc.constantFrom('', ';', '}', '{', '(', ')', '"', "''", '${', ' or ', '.', ':', '=', ',', '?', '@', 'in', '//', '/', '\n#', '$', "'"))
      .map(([e, a, b, ins]) => { const s = print(e); const i = a % (s.length + 1); return s.slice(0, i) + ins + s.slice(i + (b % 3)); });
    const inputs = fc.sample(mutate, { numRuns: runs, seed }).filter((s) => !s.includes('\0'));
    const ok = inputs.filter(accepted).length;
    // Both verdicts must be well represented for the comparison to mean anything.
    expect(Math.min(ok, inputs.length - ok)).toBeGreaterThan(inputs.length / 10);
    expect(await disagreements(inputs, accepted)).toEqual([]);
  }, 600_000);

  it('matches Nix operator precedence and associativity', async () => {
    const exprs = fc.sample(opExpr, { numRuns: 300, seed: 99 });
    const texts = [...exprs.map((e) => print(e)), '!a + b', '-a ? b', '-a.b', '- f a', 'a ? b ? c', '!a ? b', 'a * !b + c',
      'a + !b * c', 'a ++ !b // c', 'f a.b or c d', '(f a) b', 'a -> b -> c', 'a || b && c', '-(a) b'];
    const ours = texts.map((t) => { const r = parseNix(t); if (!r.ok) throw new Error(`${t}: ${r.error.message}`); return nixShow(r.ast); });
    const r = await runNix(['--parse', '-'], `with {}; [ ${texts.map((t) => `(${t}) `).join('')}]`);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`(with { }; [ ${ours.map((s) => `(${s}) `).join('')}])`);
  }, 60_000);

  it('decodes string literals exactly like Nix', async () => {
    const literal = (e: Expr): string => {
      while (e.type === 'Paren') e = e.expr;
      if (e.type !== 'String') throw new Error('not a string');
      return e.parts.map((p) => (p.type === 'Text' ? p.value : literal(p.expr))).join('');
    };
    // Strings whose interpolations (if any) are string literals, so Nix can evaluate them standalone.
    const strings = [...VALID, ...STRINGS].filter((s) => {
      const r = parseNix(s);
      try { return r.ok && literal(r.ast) !== undefined; } catch { return false; }
    });
    expect(strings.length).toBeGreaterThan(50);
    const ours = strings.map((s) => { const r = parseNix(s); if (!r.ok) throw new Error(s); return literal(r.ast); });
    const r = await runNix(['--eval', '--strict', '--json', '-'], `[ ${strings.map((s) => `(${s})`).join('\n')} ]`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(ours);
  }, 60_000);

  it('decodes random string literals exactly like Nix', async () => {
    const body = (units: string[]) => fc.array(fc.constantFrom(...units), { maxLength: 12 }).map((a) => a.join(''));
    const quoted = body(['a', ' ', '\\\\', '\\n', '\\$', '\\"', '$', '$$', '{', '}', '\r\n', '\r', '\n', '\t', '${"x"}', "'", 'é']).map((b) => `"${b}"`);
    const indented = body(['a', ' ', '  ', '\n', '\t', "''$", "'''", "''\\n", "''\\ ", "''\\t", '$', '$$', '{', "'", '${"x"}', '\r\n', '"', '\\'])
      .map((b) => `''${b}''`);
    // Random `$` + `{` pieces can form real interpolations; keep only those of string literals.
    const literal = (e: Expr): string | null => {
      if (e.type !== 'String') return null;
      const parts = e.parts.map((p) => (p.type === 'Text' ? p.value : literal(p.expr)));
      return parts.includes(null) ? null : parts.join('');
    };
    const decode = (t: string) => { const r = parseNix(t); return r.ok ? literal(r.ast) : null; };
    const texts = fc.sample(fc.oneof(quoted, indented), { numRuns: Math.max(runs, 300), seed }).filter((t) => decode(t) !== null);
    const ours = texts.map(decode);
    const r = await runNix(['--eval', '--strict', '--json', '-'], `[ ${texts.map((t) => `(${t})`).join('\n')} ]`);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(ours);
  }, 60_000);

  it('accepts the benchmark configuration like Nix', async () => {
    expect(await nixAccepts(buildLargeConfiguration(5000))).toBe(true);
  }, 60_000);
});
