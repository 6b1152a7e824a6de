/* SPDX-License-Identifier: GPL-2.0-or-later */
/* parser.y — the grammar of uscript: SystemTap's language, user-space subset.
 *
 * A pure LALR(1) parser over the reentrant scanner in lexer.l; it builds the
 * tree of ast.h and nothing else.  Operator precedence is SystemTap's
 * (parse.cxx, lowest first): assignment and <<<, ?:, ||, &&, |, ^, &, in,
 * comparisons, shifts, '.', + -, * / %, unary, ++ --.
 *
 * Statements need no terminator, so an expression followed by a token that
 * could both continue it and start a new statement ("x = a -b", "f (x)",
 * "a [k]") is ambiguous; like SystemTap's recursive descent, the parser
 * always continues the expression.  Each such choice is a shift resolved by
 * the LOWEST precedence below.
 *
 * Syntax errors are reported through diag with what was expected, and the
 * parser resynchronises at the next statement, or at the next `probe`,
 * `global` or `function` outside a body, so one run reports them all.
 * Bison's header (parser.h) is shared with lexer.l and preproc.c only, the
 * token layers; parse_lex reads the preprocessor's tokens. */

%code requires {
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/* Semantic values.  Expressions carry the depth of the expression tree
 * under them, statements that of the statements under them, so both are
 * bounded while the tree is built. */
struct tok_num { int64_t v; bool above; };  /* above: written above 2^63 - 1 */
struct tok_str { const char *s; size_t len; bool nul; };  /* nul: cut at a \0 */
struct tok_target { const char *name; int pretty; };
struct tok_sarg { int64_t idx; bool is_string; };

struct str_piece { struct str_piece *next; const char *s; size_t len; };
struct sv_strs { struct str_piece *head, *tail; size_t len; bool nul; };
struct sv_expr { struct expr *e; int depth; bool big; };   /* big: the literal 2^63 */
struct sv_exprs { struct expr *head, *tail; int depth, n; };
struct sv_stmt { struct stmt *s; int depth; };
struct sv_stmts { struct stmt *head, *tail; int depth; };
struct sv_suffixes { struct target_suffix *head, *tail; int depth; };
struct sv_mark { int dir; struct loc loc; };   /* dir 0: no sort mark */
struct fe_var {
	struct fe_var *next;
	const char *name;
	struct loc loc;
	struct sv_mark mark;
};
struct sv_fevars { struct fe_var *head, *tail; int n; };
struct sv_fehead { struct fe_var *value; struct sv_fevars keys; };
struct sv_points { struct probe_point *head, *tail; };
struct sv_comps { struct pp_comp *head, *tail; };
struct sv_params { struct param *head, *tail; int n; };
struct sv_type { enum type t; struct loc loc; };
struct sv_fearray { const char *name; struct expr *slice; };  /* x, or x[*, k] */

/* The state one parse shares between parser and scanner. */
struct pstate {
	struct arena *arena;
	const struct src_file *file;
	struct script *script;
	void *scanner;
	struct probe **probe_tail;
	struct global **global_tail;
	struct func **func_tail;
	struct expr **embedded_tail;
	struct alias **alias_tail;

	/* scanner position: the next byte to read, and where the match
	 * being handled started */
	int line, col;
	size_t offset, match_offset;
	/* the token just returned: its bytes, and where it ended */
	size_t tok_offset, tok_len;
	int tok_kind;
	int end_line, end_col;
	int brackets;        /* open ( [ { */
	int braces;          /* open { of blocks */
	int point_braces;    /* open { grouping points: kernel.{a, b} */
	int closing;         /* '}' still to insert before a top-level keyword */
	int keyword;         /* that keyword's token */
	int errors_before;   /* diag_errors() when the keyword was seen */
	struct loc keyword_loc;
	size_t keyword_offset;
	bool after_member;   /* last token was -> or a member '.' */
	bool untracked;      /* preproc.c: brackets not counted (see lexer.l) */
	struct loc skip_loc; /* the %{ being read */
	size_t skip_offset;

	/* the preprocessor (preproc.c), and the token it gave the parser
	 * last: its spelling and, if it came from a macro or an argument,
	 * which ("macro '@max'") */
	struct preproc *pp;
	const struct parse_opts *opts;
	const char *tok_text;
	size_t tok_text_len;
	const char *tok_origin;

	bool too_deep;       /* the nesting limit was reported */
	bool eof_error;      /* the scanner reported a runaway token at EOF */
};

/* Trees deeper than this are rejected: later passes recurse over them. */
#define PARSE_MAX_DEPTH 1000
}

%code provides {
int lex_lex(PARSE_STYPE *lval, PARSE_LTYPE *lloc, void *scanner);
void *lex_open(struct pstate *p);
void lex_close(void *scanner);

/* preproc.c: the tokens the parser reads, the script's after
 * preprocessing. */
void pp_open(struct pstate *p);
int pp_lex(PARSE_STYPE *lval, PARSE_LTYPE *lloc, struct pstate *p);
void pp_close(struct pstate *p);
/* " (similar: @a, @b)" for an unknown @word: the macros of the text and of
 * the library, and the operators ops, closest to it; or "". */
const char *pp_similar(struct pstate *p, const char *word, const char *const *ops, size_t nops);
}

%code {
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "parse.h"

#define YYLLOC_DEFAULT(cur, rhs, n)                                       \
	do {                                                              \
		if (n) {                                                  \
			(cur).file = YYRHSLOC(rhs, 1).file;               \
			(cur).line = YYRHSLOC(rhs, 1).line;               \
			(cur).col = YYRHSLOC(rhs, 1).col;                 \
			(cur).end_line = YYRHSLOC(rhs, n).end_line;       \
			(cur).end_col = YYRHSLOC(rhs, n).end_col;         \
		} else {                                                  \
			(cur).file = YYRHSLOC(rhs, 0).file;               \
			(cur).line = (cur).end_line = YYRHSLOC(rhs, 0).end_line; \
			(cur).col = (cur).end_col = YYRHSLOC(rhs, 0).end_col; \
		}                                                         \
	} while (0)

/* Room for every tree within PARSE_MAX_DEPTH (a few states per level);
 * beyond it the nesting error is reported instead of "memory exhausted". */
#define YYMAXDEPTH (PARSE_MAX_DEPTH * 20)

static int parse_lex(PARSE_STYPE *lval, PARSE_LTYPE *lloc, struct pstate *p)
{
	return pp_lex(lval, lloc, p);
}

static void parse_error(PARSE_LTYPE *loc, struct pstate *p, const char *msg);

static struct loc span(const struct loc *a, const struct loc *b);
static struct sv_expr ex(struct pstate *p, struct expr *e, int child_depth);
static struct sv_expr ex_num(struct pstate *p, struct tok_num n, const struct loc *loc);
static struct sv_expr ex_unary(struct pstate *p, enum op op, struct sv_expr a,
			       const struct loc *loc);
static struct sv_expr ex_incdec(struct pstate *p, enum op op, struct sv_expr a,
				const struct loc *loc);
static struct sv_expr ex_binary(struct pstate *p, enum expr_kind kind, enum op op,
				struct sv_expr l, struct sv_expr r, const struct loc *loc,
				const struct loc *op_loc);
static struct sv_expr ex_ternary(struct pstate *p, struct sv_expr c, struct sv_expr l,
				 struct sv_expr r, const struct loc *loc);
static struct sv_expr ex_list(struct pstate *p, enum expr_kind kind, const char *name,
			      const struct loc *name_loc, struct sv_exprs args,
			      const struct loc *loc);
static struct sv_expr ex_stat(struct pstate *p, enum stat_op op, struct sv_exprs args,
			      const struct loc *loc);
static struct sv_expr ex_target(struct pstate *p, struct tok_target t,
				struct sv_suffixes sfx, int pretty, const struct sv_suffixes *after,
				const struct loc *loc);
static struct sv_expr ex_unsupported(struct pstate *p, const char *what,
				     const struct loc *what_loc, int child_depth,
				     const struct loc *loc);
static struct sv_expr ex_autocast(struct pstate *p, struct sv_expr base,
				  struct sv_suffixes first, struct sv_suffixes more,
				  const struct loc *loc);
static struct sv_expr ex_at(struct pstate *p, const char *what, const struct loc *what_loc,
			    struct sv_exprs args, struct sv_suffixes sfx, const struct loc *loc);
static struct sv_expr ex_addr(struct pstate *p, struct sv_expr a, const struct loc *loc);
static struct sv_exprs exprs_one(struct sv_expr e);
static struct sv_exprs exprs_add(struct sv_exprs l, struct sv_expr e);
static struct sv_strs strs_add(struct pstate *p, struct sv_strs l, struct tok_str s);
static struct sv_expr strs_join(struct pstate *p, struct sv_strs s, const struct loc *loc);
static struct sv_suffixes sfx_add(struct pstate *p, struct sv_suffixes l, const char *member,
				  struct sv_expr *index, const struct loc *loc);
static struct sv_stmt st(struct pstate *p, enum stmt_kind kind, const struct loc *loc,
			 struct expr *e, int depth);
static struct sv_stmt st_block(struct pstate *p, struct sv_stmts body, const struct loc *loc);
static struct sv_stmt st_if(struct pstate *p, struct sv_expr c, struct sv_stmt then,
			    struct sv_stmt *els, const struct loc *loc);
static struct sv_stmt st_loop(struct pstate *p, enum stmt_kind kind, struct sv_stmt *init,
			      struct sv_expr *cond, struct sv_stmt *step, struct sv_stmt body,
			      const struct loc *loc);
static struct sv_stmt st_foreach(struct pstate *p, struct sv_fehead head, const char *array,
				 const struct loc *array_loc, struct sv_mark mark,
				 struct sv_expr *limit, struct sv_stmt body, const struct loc *loc);
static struct sv_stmt st_try(struct pstate *p, struct sv_stmt body, const char *var,
			     const struct loc *var_loc, struct sv_stmt handler,
			     const struct loc *loc);
static struct sv_stmts stmts_add(struct sv_stmts l, struct sv_stmt s);
static struct fe_var *fe_var(struct pstate *p, const char *name, const struct loc *loc,
			     struct sv_mark mark);
static struct sv_fevars fevars_add(struct sv_fevars l, struct fe_var *v);
static void add_probe(struct pstate *p, struct sv_points points, struct sv_stmt body,
		      const struct loc *loc);
static struct func *add_func(struct pstate *p, const char *name,
			     const struct loc *name_loc, struct sv_type type,
			     struct sv_params params, struct sv_stmt body);
static void add_embedded(struct pstate *p, struct tok_str code, const struct loc *loc);
static void add_alias(struct pstate *p, struct sv_comps name, const struct loc *name_loc,
		      enum op op, const struct loc *op_loc, struct sv_points points,
		      struct sv_stmt body);
static struct sv_points pts_one(struct pstate *p, struct pp_comp *c, const struct loc *loc);
static struct sv_points pts_product(struct pstate *p, struct sv_points pre,
				    struct sv_points suf);
static struct sv_points pts_finish(struct pstate *p, struct sv_points alts, int mark,
				   const struct loc *mark_loc, struct expr *cond,
				   const struct loc *cond_loc);
static struct sv_comps pts_name(struct pstate *p, struct sv_points alts, const struct loc *loc);
static struct pp_comp *pp_comp(struct pstate *p, const char *name, const struct loc *loc);
static const char *pp_join(struct pstate *p, const char *a, const struct loc *aloc,
			   const char *b, const struct loc *bloc);
static struct global *global_new(struct pstate *p, const char *name, const struct loc *loc);
static struct global *global_sized(struct pstate *p, const char *name, struct tok_num size,
				    const struct loc *loc, const struct loc *size_loc);
static struct expr *literal_num(struct pstate *p, struct tok_num n, bool neg,
				const struct loc *loc);
static struct sv_type type_of(const char *name, const struct loc *loc);
static struct sv_expr any_key(struct pstate *p, const struct loc *loc);
static struct param *param_new(struct pstate *p, const char *name, struct sv_type type,
			       const struct loc *loc);
}

%define api.prefix {parse_}
%define api.pure full
%define api.token.prefix {TOK_}
%define api.location.type {struct loc}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%parse-param {struct pstate *p}
%lex-param {struct pstate *p}

%initial-action {
	@$.file = p->file;
	@$.line = @$.end_line = 1;
	@$.col = @$.end_col = 1;
}

%union {
	struct tok_num num;
	struct tok_str str;
	const char *id;
	struct tok_target target;
	int count;
	struct tok_sarg sarg;
	bool is_string;
	enum stat_op stat;
	enum op op;
	struct sv_strs strs;
	struct sv_expr ex;
	struct sv_exprs exl;
	struct sv_stmt st;
	struct sv_stmts stl;
	struct sv_suffixes sfx;
	struct sv_mark mark;
	struct fe_var *fev;
	struct sv_fevars fevs;
	struct sv_fehead feh;
	struct sv_points pps;
	struct probe_point *pp;
	struct sv_comps comps;
	struct pp_comp *comp;
	struct global *global;
	struct sv_params params;
	struct param *param;
	struct sv_type type;
	struct sv_fearray fea;
}

%token END 0 "end of input"
%token <num> NUMBER "number"
%token <str> STRING "string"
%token <id> IDENT "identifier"
%token <target> TARGET "target variable"
%token <count> PRETTY "'$'"
%token <sarg> SCRIPT_ARG "script argument"
%token <is_string> ARGC "'$#'"
%token <stat> STATOP "statistic operator"
%token <id> AT_WORD "'@' operator"
%token <str> EMBEDDED "embedded C code"
%token PP_OPEN "'%('" PP_THEN "'%?'" PP_ELSE "'%:'" PP_CLOSE "'%)'"

%token PROBE "'probe'" GLOBAL "'global'" FUNCTION "'function'" PRIVATE "'private'"
%token IF "'if'" ELSE "'else'" WHILE "'while'" FOR "'for'" FOREACH "'foreach'"
%token IN "'in'" LIMIT "'limit'" BREAK "'break'" CONTINUE "'continue'"
%token NEXT "'next'" RETURN "'return'" DELETE "'delete'"
%token TRY "'try'" CATCH "'catch'"

%token <op> ASSIGN_OP "assignment operator"
%token STAT_ADD "'<<<'" LOR "'||'" LAND "'&&'"
%token EQ "'=='" NE "'!='" LE "'<='" GE "'>='" SHL "'<<'" SHR "'>>'"
%token USHR "'>>>'"
%token INC "'++'" DEC "'--'" ARROW "'->'" DOT_MEMBER "'.'"
%token <op> REGEX_OP "'=~'"

/* Lowest first.  LOWEST marks the rules that end an expression or a
 * statement where the next token could also continue it: the parser
 * continues (shifts), as SystemTap's recursive descent does. */
%precedence LOWEST
%precedence THEN
%precedence ELSE
%right '=' ASSIGN_OP STAT_ADD '?' ':'
%left LOR
%left LAND
%left '|'
%left '^'
%left '&'
%precedence IN
%left EQ NE '<' '>' LE GE REGEX_OP
%left SHL SHR USHR
%left '.' DOT_MEMBER
%left '+' '-'
%left '*' '/' '%'
%precedence ';' INC DEC '(' '[' STRING IDENT NUMBER TARGET SCRIPT_ARG ARGC STATOP ARROW
	AT_WORD '!' '~' EMBEDDED

%type <ex> expr unary postfix primary target limit cond
%type <exl> expr_list args keys
%type <strs> strings
%type <sfx> suffixes
%type <st> stmt simple block body opt_expr_stmt
%type <stl> stmts
%type <mark> mark
%type <fev> fe_var
%type <fevs> fe_vars
%type <feh> fe_head
%type <pps> points point alts alt
%type <comp> comp
%type <id> pp_name pp_word keyword
%type <fea> fe_array
%type <global> global_item
%type <params> params param_list
%type <param> param
%type <type> type_opt

%%

script:
	  %empty
	| script item
	;

item:
	  PROBE points body
		{ struct loc l = span(&@1, &@2); add_probe(p, $2, $3, &l); }
	| PROBE alts '=' points body
		{ add_alias(p, pts_name(p, $2, &@2), &@2, OP_NONE, &@3, $4, $5); }
	| PROBE alts ASSIGN_OP points body
		{ add_alias(p, pts_name(p, $2, &@2), &@2, $3, &@3, $4, $5); }
	| GLOBAL global_list
	| FUNCTION IDENT type_opt '(' params ')' body
		{ add_func(p, $2, &@2, $3, $5, $7); }
	| FUNCTION IDENT type_opt '(' params ')' EMBEDDED
		{
			struct sv_stmt body = st_block(p, (struct sv_stmts){0}, &@7);
			add_func(p, $2, &@2, $3, $5, body)->embedded = $7.s;
		}
	| PRIVATE GLOBAL private_globals
	| PRIVATE private_globals
	| PRIVATE FUNCTION IDENT type_opt '(' params ')' body
		{ add_func(p, $3, &@3, $4, $6, $8)->is_private = true; }
	| PRIVATE FUNCTION IDENT type_opt '(' params ')' EMBEDDED
		{
			struct sv_stmt body = st_block(p, (struct sv_stmts){0}, &@8);
			struct func *f = add_func(p, $3, &@3, $4, $6, body);
			f->embedded = $8.s;
			f->is_private = true;
		}
	| EMBEDDED		{ add_embedded(p, $1, &@1); }
	| ';'			/* SystemTap's empty declaration */
	/* After a bad header, skip to its body or to the next declaration;
	 * errors are reported again from there. */
	| error body		{ yyerrok; }
	| error
		{
			if (yychar == TOK_PROBE || yychar == TOK_GLOBAL || yychar == TOK_FUNCTION ||
			    yychar == TOK_PRIVATE ||
			    yychar == TOK_END)
				yyerrok;
		}
	;

/* ---- probe points ---- */

points:
	  point
	| points ',' point	{ $$ = $1; $$.tail->next = $3.head; $$.tail = $3.tail; }
	;

/* A point, or several where braces group alternatives:
 * kernel.{trace("a")!, trace("b")}, {kernel,module("m")}.function("f"). */
point:
	  alts cond		{ $$ = pts_finish(p, $1, 0, &@1, $2.e, &@2); }
	| alts '?' cond		{ $$ = pts_finish(p, $1, '?', &@2, $3.e, &@3); }
	| alts '!' cond		{ $$ = pts_finish(p, $1, '!', &@2, $3.e, &@3); }
	;

/* The alternatives a point's components make so far, each a point whose
 * '?', '!' or condition comes from inside braces. */
alts:
	  alt
	| alts '.' alt		{ $$ = pts_product(p, $1, $3); }
	| alts DOT_MEMBER alt	{ $$ = pts_product(p, $1, $3); }
	;

alt:
	  comp			{ $$ = pts_one(p, $1, &@$); }
	| '{' points '}'	{ $$ = $2; }
	;

/* `probe P if (expr)`: the probe is enabled while expr is true. */
cond:
	  %empty		{ $$.e = NULL; $$.depth = 0; $$.big = false; }
	| IF '(' expr ')'	{ $$ = $3; }
	;

comp:
	  pp_name		{ $$ = pp_comp(p, $1, &@$); }
	| pp_name '(' strings ')'
		{
			$$ = pp_comp(p, $1, &@$);
			$$->arg_kind = PP_ARG_STR;
			$$->str = strs_join(p, $3, &@3).e->str;
		}
	| pp_name '(' NUMBER ')'
		{
			$$ = pp_comp(p, $1, &@$);
			$$->arg_kind = PP_ARG_NUM;
			$$->num = literal_num(p, $3, false, &@3)->num;
		}
	| pp_name '(' '-' NUMBER ')'
		{
			struct loc l = span(&@3, &@4);
			$$ = pp_comp(p, $1, &@$);
			$$->arg_kind = PP_ARG_NUM;
			$$->num = literal_num(p, $4, true, &l)->num;
		}
	;

/* A component name may hold wildcards: "sys_*" arrives as two tokens that
 * must touch. */
pp_name:
	  pp_word
	| PROBE			{ $$ = "probe"; }
	| GLOBAL		{ $$ = "global"; }
	| FUNCTION		{ $$ = "function"; }
	| pp_name pp_word	{ $$ = pp_join(p, $1, &@1, $2, &@2); }
	;

/* `probe`, `global` and `function` only start a component: a probe point
 * left without its body must not swallow the next declaration. */
pp_word: IDENT | '*' { $$ = "*"; } | keyword ;

/* Not `if`: after a point, it starts the point's condition. */
keyword:
	  ELSE { $$ = "else"; }
	| WHILE { $$ = "while"; } | FOR { $$ = "for"; } | FOREACH { $$ = "foreach"; }
	| IN { $$ = "in"; } | LIMIT { $$ = "limit"; } | BREAK { $$ = "break"; }
	| CONTINUE { $$ = "continue"; } | NEXT { $$ = "next"; }
	| RETURN { $$ = "return"; } | DELETE { $$ = "delete"; }
	| TRY { $$ = "try"; } | CATCH { $$ = "catch"; }
	;

/* ---- globals and functions ---- */

global_list: global_item | global_list ',' global_item ;

private_globals:
	  global_item				{ $1->is_private = true; }
	| private_globals ',' global_item	{ $3->is_private = true; }
	;

global_item:
	  IDENT			{ $$ = global_new(p, $1, &@$); }
	| IDENT '[' NUMBER ']'	{ $$ = global_sized(p, $1, $3, &@$, &@3); }
	| IDENT '%'		{ $$ = global_new(p, $1, &@$); $$->wrap = true; }
	| IDENT '%' '[' NUMBER ']'
		{ $$ = global_sized(p, $1, $4, &@$, &@4); $$->wrap = true; }
	| IDENT '[' NUMBER ']' '%'
		{ $$ = global_sized(p, $1, $3, &@$, &@3); $$->wrap = true; }
	| IDENT '=' NUMBER
		{ $$ = global_new(p, $1, &@$); $$->init = literal_num(p, $3, false, &@3); }
	| IDENT '=' '-' NUMBER
		{
			struct loc l = span(&@3, &@4);
			$$ = global_new(p, $1, &@$);
			$$->init = literal_num(p, $4, true, &l);
		}
	| IDENT '=' strings
		{ $$ = global_new(p, $1, &@$); $$->init = strs_join(p, $3, &@3).e; }
	;

type_opt:
	  %empty		{ $$.t = TYPE_UNKNOWN; $$.loc = @$; }
	| ':' IDENT		{ $$ = type_of($2, &@2); }
	;

params:
	  %empty		{ $$.head = $$.tail = NULL; $$.n = 0; }
	| param_list
	;

param_list:
	  param			{ $$.head = $$.tail = $1; $$.n = 1; }
	| param_list ',' param	{ $$ = $1; $$.tail->next = $3; $$.tail = $3; $$.n++; }
	;

param: IDENT type_opt		{ $$ = param_new(p, $1, $2, &@$); } ;

/* A body left open at the next `probe`, `global` or `function` is closed
 * there by the scanner (see lexer.l), so the rest of the file still parses. */
body: '{' stmts '}'		{ $$ = st_block(p, $2, &@$); } ;

/* ---- statements ---- */

stmts:
	  %empty		{ $$.head = $$.tail = NULL; $$.depth = 0; }
	| stmts stmt		{ $$ = stmts_add($1, $2); }
	;

block: '{' stmts '}'		{ $$ = st_block(p, $2, &@$); } ;

stmt:
	  block
	| simple %prec LOWEST
	| simple ';'		{ $$ = $1; }
	| ';'			{ $$ = st(p, STMT_EMPTY, &@$, NULL, 0); }
	| IF '(' expr ')' stmt %prec THEN
		{ $$ = st_if(p, $3, $5, NULL, &@$); }
	| IF '(' expr ')' stmt ELSE stmt
		{ $$ = st_if(p, $3, $5, &$7, &@$); }
	| WHILE '(' expr ')' stmt
		{ $$ = st_loop(p, STMT_WHILE, NULL, &$3, NULL, $5, &@$); }
	| FOR '(' opt_expr_stmt ';' expr ';' opt_expr_stmt ')' stmt
		{ $$ = st_loop(p, STMT_FOR, &$3, &$5, &$7, $9, &@$); }
	| FOR '(' opt_expr_stmt ';' ';' opt_expr_stmt ')' stmt
		{ $$ = st_loop(p, STMT_FOR, &$3, NULL, &$6, $8, &@$); }
	| FOREACH '(' fe_head IN fe_array mark limit ')' stmt
		{
			$$ = st_foreach(p, $3, $5.name, &@5, $6, &$7, $9, &@$);
			$$.s->foreach->slice = $5.slice;
		}
	| FOREACH '(' fe_head IN STATOP '(' expr_list ')' limit ')' stmt
		{
			struct sv_mark none = { 0, @5 };
			$$ = st_foreach(p, $3, stat_op_name($5), &@5, none, &$9, $11, &@$);
			struct loc l = span(&@5, &@8);
			$$.s->foreach->hist = ex_stat(p, $5, $7, &l).e;
		}
	| FOREACH '(' fe_head IN fe_array STATOP mark limit ')' stmt
		{
			/* SystemTap's aggregate sort: an array of statistics by
			 * @sum, @min… instead of @count; the mark is required. */
			if ($7.dir == 0)
				diag_error(&@6, "an aggregate in foreach is a sort mark: write "
					   "%s+ or %s-", stat_op_name($6), stat_op_name($6));
			if ($6 == STAT_HIST_LOG || $6 == STAT_HIST_LINEAR)
				diag_error(&@6, "a foreach sorts by @count, @sum, @min, @max or "
					   "@avg, not by %s", stat_op_name($6));
			$$ = st_foreach(p, $3, $5.name, &@5, $7, &$8, $10, &@$);
			$$.s->foreach->slice = $5.slice;
			$$.s->foreach->sort_aggr = $6;
			$$.s->foreach->has_aggr = true;
		}
	| TRY block CATCH block	{ $$ = st_try(p, $2, NULL, NULL, $4, &@$); }
	| TRY block CATCH '(' IDENT ')' block
		{ $$ = st_try(p, $2, $5, &@5, $7, &@$); }
	| error			{ $$ = st(p, STMT_EMPTY, &@$, NULL, 0); }
	;

simple:
	  expr %prec LOWEST	{ $$ = st(p, STMT_EXPR, &@$, $1.e, 0); }
	| BREAK			{ $$ = st(p, STMT_BREAK, &@$, NULL, 0); }
	| CONTINUE		{ $$ = st(p, STMT_CONTINUE, &@$, NULL, 0); }
	| NEXT			{ $$ = st(p, STMT_NEXT, &@$, NULL, 0); }
	| RETURN %prec LOWEST	{ $$ = st(p, STMT_RETURN, &@$, NULL, 0); }
	| RETURN expr %prec LOWEST
		{ $$ = st(p, STMT_RETURN, &@$, $2.e, 0); }
	| DELETE expr %prec LOWEST
		{ $$ = st(p, STMT_DELETE, &@$, $2.e, 0); }
	;

opt_expr_stmt:
	  %empty		{ $$.s = NULL; $$.depth = 0; }
	| expr			{ $$ = st(p, STMT_EXPR, &@$, $1.e, 0); }
	;

/* foreach ([k1, k2] in a), foreach (v = [k] in a-), foreach (k in a) */
fe_head:
	  fe_var		{ $$.value = NULL; $$.keys = fevars_add((struct sv_fevars){0}, $1); }
	| '[' fe_vars ']'	{ $$.value = NULL; $$.keys = $2; }
	| fe_var '=' fe_var	{ $$.value = $1; $$.keys = fevars_add((struct sv_fevars){0}, $3); }
	| fe_var '=' '[' fe_vars ']'
				{ $$.value = $1; $$.keys = $4; }
	;

fe_vars:
	  fe_var		{ $$ = fevars_add((struct sv_fevars){0}, $1); }
	| fe_vars ',' fe_var	{ $$ = fevars_add($1, $3); }
	;

fe_var: IDENT mark		{ $$ = fe_var(p, $1, &@1, $2); } ;

fe_array:
	  IDENT			{ $$.name = $1; $$.slice = NULL; }
	| IDENT '[' keys ']'	{ $$.name = $1; $$.slice = $3.head; }
	;

limit:
	  %empty		{ $$.e = NULL; $$.depth = 0; $$.big = false; }
	| LIMIT expr		{ $$ = $2; }
	;

mark:
	  %empty		{ $$.dir = 0; $$.loc = @$; }
	| '+'			{ $$.dir = 1; $$.loc = @$; }
	| '-'			{ $$.dir = -1; $$.loc = @$; }
	;

/* ---- expressions ---- */

expr:
	  expr '=' expr		{ $$ = ex_binary(p, EXPR_ASSIGN, OP_NONE, $1, $3, &@$, &@2); }
	| expr ASSIGN_OP expr	{ $$ = ex_binary(p, EXPR_ASSIGN, $2, $1, $3, &@$, &@2); }
	| expr STAT_ADD expr	{ $$ = ex_binary(p, EXPR_STAT_ADD, OP_NONE, $1, $3, &@$, &@2); }
	| expr '?' expr ':' expr
				{ $$ = ex_ternary(p, $1, $3, $5, &@$); }
	| expr LOR expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_LOR, $1, $3, &@$, &@2); }
	| expr LAND expr	{ $$ = ex_binary(p, EXPR_BINARY, OP_LAND, $1, $3, &@$, &@2); }
	| expr '|' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_BOR, $1, $3, &@$, &@2); }
	| expr '^' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_BXOR, $1, $3, &@$, &@2); }
	| expr '&' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_BAND, $1, $3, &@$, &@2); }
	| expr IN IDENT %prec IN
				{ $$ = ex_list(p, EXPR_IN, $3, &@3, exprs_one($1), &@$); }
	| '[' keys ']' IN IDENT %prec IN
				{ $$ = ex_list(p, EXPR_IN, $5, &@5, $2, &@$); }
	| expr EQ expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_EQ, $1, $3, &@$, &@2); }
	| expr NE expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_NE, $1, $3, &@$, &@2); }
	| expr '<' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_LT, $1, $3, &@$, &@2); }
	| expr '>' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_GT, $1, $3, &@$, &@2); }
	| expr LE expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_LE, $1, $3, &@$, &@2); }
	| expr GE expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_GE, $1, $3, &@$, &@2); }
	| expr REGEX_OP expr	{ $$ = ex_binary(p, EXPR_BINARY, $2, $1, $3, &@$, &@2); }
	| expr SHL expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_SHL, $1, $3, &@$, &@2); }
	| expr SHR expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_SHR, $1, $3, &@$, &@2); }
	| expr USHR expr	{ $$ = ex_binary(p, EXPR_BINARY, OP_USHR, $1, $3, &@$, &@2); }
	| expr '.' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_CONCAT, $1, $3, &@$, &@2); }
	| expr DOT_MEMBER expr	{ $$ = ex_binary(p, EXPR_BINARY, OP_CONCAT, $1, $3, &@$, &@2); }
	| expr '+' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_ADD, $1, $3, &@$, &@2); }
	| expr '-' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_SUB, $1, $3, &@$, &@2); }
	| expr '*' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_MUL, $1, $3, &@$, &@2); }
	| expr '/' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_DIV, $1, $3, &@$, &@2); }
	| expr '%' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_MOD, $1, $3, &@$, &@2); }
	| unary
	;

/* Unary operators bind an operand without binary operators: "-a * b" is
 * "(-a) * b"; ++ and -- take a primary, as in SystemTap. */
unary:
	  postfix
	| '-' unary		{ $$ = ex_unary(p, OP_NEG, $2, &@$); }
	| '+' unary		{ $$ = ex_unary(p, OP_PLUS, $2, &@$); }
	| '!' unary		{ $$ = ex_unary(p, OP_NOT, $2, &@$); }
	| '~' unary		{ $$ = ex_unary(p, OP_BNOT, $2, &@$); }
	| '*' unary		{ $$ = ex_unary(p, OP_DEREF, $2, &@$); }
	| '&' unary		{ $$ = ex_addr(p, $2, &@$); }
	| INC primary %prec LOWEST
				{ $$ = ex_incdec(p, OP_PREINC, $2, &@$); }
	| DEC primary %prec LOWEST
				{ $$ = ex_incdec(p, OP_PREDEC, $2, &@$); }
	;

postfix:
	  primary %prec LOWEST
	| primary INC		{ $$ = ex_incdec(p, OP_POSTINC, $1, &@$); }
	| primary DEC		{ $$ = ex_incdec(p, OP_POSTDEC, $1, &@$); }
	;

primary:
	  NUMBER		{ $$ = ex_num(p, $1, &@$); }
	| strings %prec LOWEST	{ $$ = strs_join(p, $1, &@$); }
	| IDENT %prec LOWEST
		{ $$ = ex(p, ast_expr(p->arena, EXPR_VAR, &@$), 0); $$.e->name = $1; }
	| IDENT '[' keys ']'
				{ $$ = ex_list(p, EXPR_INDEX, $1, &@1, $3, &@$); }
	| IDENT '(' args ')'	{ $$ = ex_list(p, EXPR_CALL, $1, &@1, $3, &@$); }
	| '(' expr ')'		{ $$ = $2; }
	| target
	| primary ARROW IDENT suffixes %prec LOWEST
		{
			struct sv_suffixes first = sfx_add(p, (struct sv_suffixes){0}, $3, NULL, &@3);
			$$ = ex_autocast(p, $1, first, $4, &@$);
		}
	| primary '[' expr ']' suffixes %prec LOWEST
		{
			struct loc l = span(&@2, &@4);
			struct sv_suffixes first = sfx_add(p, (struct sv_suffixes){0}, NULL, &$3, &l);
			$$ = ex_autocast(p, $1, first, $5, &@$);
		}
	| SCRIPT_ARG
		{
			$$ = ex(p, ast_expr(p->arena, EXPR_SCRIPT_ARG, &@$), 0);
			$$.e->num = $1.idx;
			$$.e->is_string = $1.is_string;
		}
	| ARGC
		{
			$$ = ex(p, ast_expr(p->arena, EXPR_ARGC, &@$), 0);
			$$.e->is_string = $1;
		}
	| STATOP '(' expr_list ')' %prec LOWEST
				{ $$ = ex_stat(p, $1, $3, &@$); }
	| EMBEDDED
		{
			$$ = ex(p, ast_expr(p->arena, EXPR_EMBEDDED, &@$), 0);
			$$.e->str = $1.s;
			$$.e->str_len = $1.len;
		}
	| STATOP '(' expr_list ')' '[' expr ']'
		{
			struct sv_expr h = ex_stat(p, $1, $3, &@$);
			$$ = ex(p, ast_expr(p->arena, EXPR_BUCKET, &@$),
				h.depth > $6.depth ? h.depth : $6.depth);
			$$.e->lhs = h.e;
			$$.e->rhs = $6.e;
		}
	| AT_WORD %prec LOWEST	{ $$ = ex_unsupported(p, $1, &@1, 0, &@$); }
	| AT_WORD '(' args ')' suffixes %prec LOWEST
				{ $$ = ex_at(p, $1, &@1, $3, $5, &@$); }
	| AT_WORD '(' args ')' suffixes PRETTY suffixes %prec LOWEST
		{
			$$ = ex_at(p, $1, &@1, $3, $5, &@$);
			if ($$.e->kind == EXPR_TARGET && !$7.head)
				$$.e->pretty = $6;
			else
				diag_error(&@6, "only @cast and @var are pretty-printed, and no "
					   "'->', '.' or '[' follows their '$'");
		}
	;

strings:
	  STRING		{ $$ = strs_add(p, (struct sv_strs){0}, $1); }
	| strings STRING	{ $$ = strs_add(p, $1, $2); }
	;

/* $var->a.b[i]$: a member is "->name" or a "." that touches both sides
 * ("$p.x"; "$p . x" concatenates), which the scanner tells apart. */
target:
	  TARGET suffixes %prec LOWEST
				{ $$ = ex_target(p, $1, $2, 0, NULL, &@$); }
	| TARGET suffixes PRETTY suffixes %prec LOWEST
				{ $$ = ex_target(p, $1, $2, $3, &$4, &@$); }
	;

suffixes:
	  %empty		{ $$.head = $$.tail = NULL; $$.depth = 0; }
	| suffixes ARROW IDENT	{ $$ = sfx_add(p, $1, $3, NULL, &@3); }
	| suffixes DOT_MEMBER IDENT
				{ $$ = sfx_add(p, $1, $3, NULL, &@3); }
	| suffixes '[' expr ']'
		{ struct loc l = span(&@2, &@4); $$ = sfx_add(p, $1, NULL, &$3, &l); }
	;

expr_list:
	  expr			{ $$ = exprs_one($1); }
	| expr_list ',' expr	{ $$ = exprs_add($1, $3); }
	;

/* Array keys; `*` stands for any key in a slice (`x[*, 1]`), which
 * check/slice.h allows in foreach, delete and `in` only. */
keys:
	  expr			{ $$ = exprs_one($1); }
	| '*'			{ $$ = exprs_one(any_key(p, &@1)); }
	| keys ',' expr		{ $$ = exprs_add($1, $3); }
	| keys ',' '*'		{ $$ = exprs_add($1, any_key(p, &@3)); }
	;

args:
	  %empty		{ $$.head = $$.tail = NULL; $$.depth = $$.n = 0; }
	| expr_list
	;

%%

/* ---- helpers for the actions ---- */

static struct loc span(const struct loc *a, const struct loc *b)
{
	struct loc l = *a;
	l.end_line = b->end_line;
	l.end_col = b->end_col;
	return l;
}

static void check_depth(struct pstate *p, int depth, const struct loc *loc)
{
	if (depth > PARSE_MAX_DEPTH && !p->too_deep) {
		p->too_deep = true;
		diag_error(loc, "nesting too deep (more than %d levels)", PARSE_MAX_DEPTH);
	}
}

static struct sv_expr ex(struct pstate *p, struct expr *e, int child_depth)
{
	struct sv_expr v = { e, child_depth + 1, false };
	check_depth(p, v.depth, &e->loc);
	return v;
}

static struct sv_expr ex_num(struct pstate *p, struct tok_num n, const struct loc *loc)
{
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_NUM, loc), 0);
	v.e->num = n.v;
	v.big = n.above && n.v == INT64_MIN;
	return v;
}

static struct sv_expr ex_unary(struct pstate *p, enum op op, struct sv_expr a,
			       const struct loc *loc)
{
	if (op == OP_NEG && a.big) {
		/* -9223372036854775808 is INT64_MIN, one literal: the negation
		 * of 2^63, which wraps to itself. */
		a.e->loc = *loc;
		a.big = false;
		return a;
	}
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_UNARY, loc), a.depth);
	v.e->op = op;
	v.e->lhs = a.e;
	return v;
}

static struct sv_expr ex_incdec(struct pstate *p, enum op op, struct sv_expr a,
				const struct loc *loc)
{
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_INCDEC, loc), a.depth);
	v.e->op = op;
	v.e->lhs = a.e;
	return v;
}

static struct sv_expr ex_binary(struct pstate *p, enum expr_kind kind, enum op op,
				struct sv_expr l, struct sv_expr r, const struct loc *loc,
				const struct loc *op_loc)
{
	struct sv_expr v = ex(p, ast_expr(p->arena, kind, loc),
			      l.depth > r.depth ? l.depth : r.depth);
	v.e->op = op;
	v.e->op_loc = *op_loc;
	v.e->lhs = l.e;
	v.e->rhs = r.e;
	return v;
}

static struct sv_expr ex_ternary(struct pstate *p, struct sv_expr c, struct sv_expr l,
				 struct sv_expr r, const struct loc *loc)
{
	int d = c.depth;
	if (l.depth > d)
		d = l.depth;
	if (r.depth > d)
		d = r.depth;
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_TERNARY, loc), d);
	v.e->cond = c.e;
	v.e->lhs = l.e;
	v.e->rhs = r.e;
	return v;
}

static struct sv_expr ex_list(struct pstate *p, enum expr_kind kind, const char *name,
			      const struct loc *name_loc, struct sv_exprs args,
			      const struct loc *loc)
{
	struct sv_expr v = ex(p, ast_expr(p->arena, kind, loc), args.depth);
	v.e->name = name;
	v.e->name_loc = *name_loc;
	v.e->args = args.head;
	return v;
}

static bool is_int_literal(const struct expr *e)
{
	return e->kind == EXPR_NUM ||
	       (e->kind == EXPR_UNARY && e->op == OP_NEG && e->lhs->kind == EXPR_NUM);
}

/* @count(x) … take one statistic, a variable or an array element;
 * @hist_linear(x, lo, hi, step) three integer literals after it. */
static struct sv_expr ex_stat(struct pstate *p, enum stat_op op, struct sv_exprs args,
			      const struct loc *loc)
{
	int want = op == STAT_HIST_LINEAR ? 4 : 1;
	struct expr *x = args.head;

	/* @variance(x, N): N, a bit shift, is optional. */
	if (op == STAT_VARIANCE && args.n == 2)
		want = 2;
	if (args.n != want) {
		diag_error(loc, "%s takes %d argument%s, not %d", stat_op_name(op), want,
			   want == 1 ? "" : "s", args.n);
	} else if (x->kind != EXPR_VAR && x->kind != EXPR_INDEX) {
		diag_error(&x->loc, "the operand of %s must be a statistic: a variable or "
			   "an array element", stat_op_name(op));
	} else {
		for (struct expr *a = x->next; a; a = a->next) {
			if (!is_int_literal(a))
				diag_error(&a->loc, "the parameters of %s must be integer literals",
					   stat_op_name(op));
		}
	}
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_STAT, loc), args.depth);
	v.e->stat = op;
	v.e->args = args.head;
	return v;
}

static struct sv_expr ex_target(struct pstate *p, struct tok_target t,
				struct sv_suffixes sfx, int pretty, const struct sv_suffixes *after,
				const struct loc *loc)
{
	if ((t.pretty && (sfx.head || pretty)) || (after && after->head)) {
		diag_error(loc, "a pretty-printed target variable takes no '->', '.', '[' "
			   "or '$' after its '$'");
	}
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_TARGET, loc), sfx.depth);
	v.e->name = t.name;
	v.e->suffix = sfx.head;
	v.e->pretty = t.pretty + pretty;
	return v;
}

/* @cast(addr, "type" [, "module"]) and @var("name[@file]" [, "module"]),
 * with members and indexes after them: target expressions that start from
 * an address or a global rather than a $name.  And @defined(expr) and
 * @choose_defined(a, b), which points/target.c folds per probe. */
static struct sv_expr ex_at(struct pstate *p, const char *what, const struct loc *what_loc,
			    struct sv_exprs args, struct sv_suffixes sfx, const struct loc *loc)
{
	int d = args.depth > sfx.depth ? args.depth : sfx.depth;
	if (strcmp(what, "@entry") == 0) {
		if (args.n != 1 || sfx.head) {
			diag_error(what_loc, "@entry takes one expression, and no members after "
				   "it: @entry($p->x)");
			return ex(p, ast_expr(p->arena, EXPR_NUM, loc), d);
		}
		struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_ENTRY, loc), d);
		v.e->lhs = args.head;
		return v;
	}
	if (strcmp(what, "@perf") == 0) {
		/* @perf("NAME"): a call of the builtin that reads the counter */
		if (args.n != 1 || sfx.head || args.head->kind != EXPR_STR || !args.head->str_len ||
		    strlen(args.head->str) != args.head->str_len) {
			diag_error(what_loc, "@perf takes the name of a perf counter, a literal "
				   "string: @perf(\"NAME\"), declared by a probe such as "
				   "perf.sw.task_clock.process(\"PATH\").counter(\"NAME\") {}");
			return ex(p, ast_expr(p->arena, EXPR_NUM, loc), d);
		}
		struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_CALL, loc), d);
		v.e->name = "@perf";
		v.e->name_loc = *what_loc;
		v.e->args = args.head;
		return v;
	}
	bool choose = strcmp(what, "@choose_defined") == 0;
	if (choose || strcmp(what, "@defined") == 0) {
		if (args.n != 1 + choose || (sfx.head && !choose)) {
			diag_error(what_loc, "%s", choose ?
				   "@choose_defined takes two expressions: @choose_defined($a, $b)" :
				   "@defined takes one expression, and no members after it: "
				   "@defined($p->field)");
			return ex(p, ast_expr(p->arena, EXPR_NUM, loc), d);
		}
		struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_DEFINED, loc), d);
		v.e->num = choose;
		v.e->args = args.head;
		if (!sfx.head)
			return v;
		/* @choose_defined($a, $b)->member: the members of the one
		 * chosen, by autocast */
		struct sv_expr a = ex(p, ast_expr(p->arena, EXPR_TARGET, loc), d);
		a.e->form = TARGET_AUTO;
		a.e->lhs = v.e;
		a.e->suffix = sfx.head;
		return a;
	}
	bool cast = strcmp(what, "@cast") == 0;
	if (!cast && strcmp(what, "@var") != 0)
		return ex_unsupported(p, what, what_loc, d, loc);
	int first = cast ? 1 : 0;
	struct expr *name = args.head;
	for (int i = 0; i < first && name; i++)
		name = name->next;
	struct expr *module = name ? name->next : NULL;
	if (args.n < first + 1 || args.n > first + 2) {
		diag_error(what_loc, "%s takes %s", what,
			   cast ? "an address, a type and optionally a module: @cast(p, \"struct "
				  "foo\"[, \"module\"])" :
				  "a name and optionally a module: @var(\"name@file.c\"[, "
				  "\"module\"])");
		return ex(p, ast_expr(p->arena, EXPR_NUM, loc), d);
	}
	bool bad = false;
	for (struct expr *s = name; s; s = s->next)
		if (s->kind == EXPR_SCRIPT_ARG && s->is_string) {
			continue;   /* @1: the argument's text, filled in by check/ */
		} else if (s->kind != EXPR_STR) {
			diag_error(&s->loc, "%s's %s must be a literal string or a script "
				   "argument such as @1", what,
				   s == name ? (cast ? "type" : "name") : "module");
			bad = true;
		} else if (!s->str_len || strlen(s->str) != s->str_len) {
			diag_error(&s->loc, "%s's %s must not be empty or hold a NUL", what,
				   s == name ? (cast ? "type" : "name") : "module");
			bad = true;
		}
	if (bad)
		return ex(p, ast_expr(p->arena, EXPR_NUM, loc), d);
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_TARGET, loc), d);
	v.e->form = cast ? TARGET_CAST : TARGET_ATVAR;
	v.e->lhs = cast ? args.head : NULL;
	if (v.e->lhs)
		v.e->lhs->next = NULL;
	v.e->args = name;
	v.e->name = name->kind == EXPR_STR ? name->str : NULL;
	v.e->arg_loc = name->loc;
	if (module) {
		v.e->module = module->kind == EXPR_STR ? module->str : NULL;
		v.e->module_loc = module->loc;
	}
	v.e->suffix = sfx.head;
	return v;
}

/* fh->dentry->name, (v)[2] after any expression that is not a target
 * expression itself (those take their members in their own rule; and
 * "name[i]" stays an array's element): SystemTap's autocast, which reads
 * the members by the type the value has where it comes from
 * (points/target_auto.c follows it through locals and returns). */
static struct sv_expr ex_autocast(struct pstate *p, struct sv_expr base,
				  struct sv_suffixes first, struct sv_suffixes more,
				  const struct loc *loc)
{
	struct sv_suffixes sfx = first;
	sfx.tail->next = more.head;
	if (more.tail)
		sfx.tail = more.tail;
	int d = base.depth;
	if (first.depth > d)
		d = first.depth;
	if (more.depth > d)
		d = more.depth;
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_TARGET, loc), d);
	v.e->form = TARGET_AUTO;
	v.e->lhs = base.e;
	v.e->suffix = sfx.head;
	return v;
}

/* &$p->x, &@cast(p, "T")->f, &@var("g"): where a target expression is. */
static struct sv_expr ex_addr(struct pstate *p, struct sv_expr a, const struct loc *loc)
{
	if (a.e->kind != EXPR_TARGET || a.e->pretty || a.e->addr_of ||
	    (a.e->form == TARGET_DOLLAR && a.e->name[0] == '$')) {
		diag_error(loc, "'&' takes the address of a target expression, such as "
			   "&$p->field, &$arr[2] or &@cast(p, \"struct foo\")->field");
		return ex(p, ast_expr(p->arena, EXPR_NUM, loc), a.depth);
	}
	a.e->addr_of = true;
	a.e->loc = *loc;
	return a;
}

/* SystemTap operators uscript does not have (@cast, @entry …) parse as
 * a placeholder, so one error covers the whole construct. */
static struct sv_expr ex_unsupported(struct pstate *p, const char *what,
				     const struct loc *what_loc, int child_depth,
				     const struct loc *loc)
{
	static const char *const stap_ops[] = {
		"@entry", "@perf", "@define", "@const", "@probewrite", "@kregister",
		"@uregister",
	};
	static const char *const with_args[] = {
		"@cast", "@var", "@defined", "@choose_defined",
	};
	for (size_t i = 0; i < sizeof(with_args) / sizeof(*with_args); i++)
		if (strcmp(what, with_args[i]) == 0) {
			diag_error(what_loc, "'%s' takes its arguments in parentheses: %s(...)",
				   what, what);
			return ex(p, ast_expr(p->arena, EXPR_NUM, loc), child_depth);
		}
	bool at = what[0] == '@', known = !at;
	for (size_t i = 0; i < sizeof(stap_ops) / sizeof(*stap_ops); i++)
		known |= strcmp(what, stap_ops[i]) == 0;
	/* The operators uscript has, for a misspelt one. */
	static const char *const ops[] = {
		"@cast", "@var", "@defined", "@choose_defined", "@entry", "@count", "@sum",
		"@min", "@max", "@avg", "@variance", "@hist_log", "@hist_linear",
	};
	if (known)
		diag_error(what_loc, "%s%s%s is not supported by uscript", at ? "'" : "", what,
			   at ? "'" : "");
	else
		diag_error(what_loc, "unknown operator '%s'%s", what,
			   pp_similar(p, what, ops, sizeof(ops) / sizeof(*ops)));
	return ex(p, ast_expr(p->arena, EXPR_NUM, loc), child_depth);
}

static struct sv_exprs exprs_one(struct sv_expr e)
{
	struct sv_exprs l = { e.e, e.e, e.depth, 1 };
	return l;
}

static struct sv_exprs exprs_add(struct sv_exprs l, struct sv_expr e)
{
	l.tail->next = e.e;
	l.tail = e.e;
	if (e.depth > l.depth)
		l.depth = e.depth;
	l.n++;
	return l;
}

static struct sv_strs strs_add(struct pstate *p, struct sv_strs l, struct tok_str s)
{
	/* SystemTap joins the literals, then C ends the whole at its NUL. */
	if (l.nul)
		return l;
	l.nul = s.nul;
	struct str_piece *piece = arena_alloc(p->arena, sizeof(*piece));
	piece->s = s.s;
	piece->len = s.len;
	if (l.tail)
		l.tail->next = piece;
	else
		l.head = piece;
	l.tail = piece;
	l.len += s.len;
	return l;
}

/* Adjacent literals concatenate, "a" "b" being "ab", as in SystemTap;
 * "a\0" "b" is "a". */
static struct sv_expr strs_join(struct pstate *p, struct sv_strs s, const struct loc *loc)
{
	struct sv_expr v = ex(p, ast_expr(p->arena, EXPR_STR, loc), 0);
	if (s.head == s.tail) {
		v.e->str = s.head->s;
	} else {
		char *buf = arena_alloc(p->arena, s.len + 1), *q = buf;
		for (struct str_piece *piece = s.head; piece; piece = piece->next) {
			memcpy(q, piece->s, piece->len);
			q += piece->len;
		}
		v.e->str = buf;
	}
	v.e->str_len = s.len;
	return v;
}

static struct sv_suffixes sfx_add(struct pstate *p, struct sv_suffixes l, const char *member,
				  struct sv_expr *index, const struct loc *loc)
{
	struct target_suffix *s = arena_alloc(p->arena, sizeof(*s));
	s->loc = *loc;
	s->member = member;
	if (index) {
		s->index = index->e;
		if (index->depth > l.depth)
			l.depth = index->depth;
	}
	if (l.tail)
		l.tail->next = s;
	else
		l.head = s;
	l.tail = s;
	return l;
}

static struct sv_stmt st(struct pstate *p, enum stmt_kind kind, const struct loc *loc,
			 struct expr *e, int depth)
{
	struct sv_stmt v = { ast_stmt(p->arena, kind, loc), depth + 1 };
	v.s->expr = e;
	check_depth(p, v.depth, loc);
	return v;
}

static struct sv_stmt st_block(struct pstate *p, struct sv_stmts body, const struct loc *loc)
{
	struct sv_stmt v = st(p, STMT_BLOCK, loc, NULL, body.depth);
	v.s->body = body.head;
	return v;
}

static struct sv_stmt st_if(struct pstate *p, struct sv_expr c, struct sv_stmt then,
			    struct sv_stmt *els, const struct loc *loc)
{
	int d = then.depth;
	if (els && els->depth > d)
		d = els->depth;
	struct sv_stmt v = st(p, STMT_IF, loc, c.e, d);
	v.s->body = then.s;
	v.s->else_body = els ? els->s : NULL;
	return v;
}

static struct sv_stmt st_loop(struct pstate *p, enum stmt_kind kind, struct sv_stmt *init,
			      struct sv_expr *cond, struct sv_stmt *step, struct sv_stmt body,
			      const struct loc *loc)
{
	struct sv_stmt v = st(p, kind, loc, cond ? cond->e : NULL, body.depth);
	v.s->body = body.s;
	v.s->init = init ? init->s : NULL;
	v.s->step = step ? step->s : NULL;
	return v;
}

/* try { body } catch (var) { handler }: the variable, if any, is the
 * statement's expr, a local the handler finds the message in. */
static struct sv_stmt st_try(struct pstate *p, struct sv_stmt body, const char *var,
			     const struct loc *var_loc, struct sv_stmt handler,
			     const struct loc *loc)
{
	struct expr *e = NULL;
	if (var) {
		e = ast_expr(p->arena, EXPR_VAR, var_loc);
		e->name = var;
	}
	struct sv_stmt v = st(p, STMT_TRY, loc, e,
			      body.depth > handler.depth ? body.depth : handler.depth);
	v.s->body = body.s;
	v.s->else_body = handler.s;
	return v;
}

static struct fe_var *fe_var(struct pstate *p, const char *name, const struct loc *loc,
			     struct sv_mark mark)
{
	struct fe_var *v = arena_alloc(p->arena, sizeof(*v));
	v->name = name;
	v->loc = *loc;
	v->mark = mark;
	return v;
}

static struct sv_fevars fevars_add(struct sv_fevars l, struct fe_var *v)
{
	if (l.tail)
		l.tail->next = v;
	else
		l.head = v;
	l.tail = v;
	l.n++;
	return l;
}

/* One sort mark at most: after the value, after a key, or after the array
 * (the array's mark sorts by value, like the value's).  The second is an
 * error; any later ones say nothing more. */
static void fe_mark(struct foreach *f, const struct sv_mark *m, int column,
		    const struct sv_mark **first, bool *reported)
{
	if (!m->dir)
		return;
	if (*first) {
		if (!*reported)
			diag_error(&m->loc, "a foreach takes one sort mark ('+' or '-'); the "
				   "first is at %d:%d", (*first)->loc.line, (*first)->loc.col);
		*reported = true;
		return;
	}
	*first = m;
	f->sort_column = column;
	f->sort_dir = m->dir;
}

static struct sv_stmt st_foreach(struct pstate *p, struct sv_fehead head, const char *array,
				 const struct loc *array_loc, struct sv_mark mark,
				 struct sv_expr *limit, struct sv_stmt body, const struct loc *loc)
{
	if (!limit->e)
		limit = NULL;
	struct foreach *f = arena_alloc(p->arena, sizeof(*f));
	const struct sv_mark *first = NULL;
	bool reported = false;

	if (head.value) {
		f->value = head.value->name;
		f->value_loc = head.value->loc;
		fe_mark(f, &head.value->mark, -1, &first, &reported);
	}
	f->nkeys = head.keys.n;
	f->keys = arena_alloc(p->arena, sizeof(*f->keys) * (size_t)f->nkeys);
	f->key_locs = arena_alloc(p->arena, sizeof(*f->key_locs) * (size_t)f->nkeys);
	int i = 0;
	for (struct fe_var *k = head.keys.head; k; k = k->next, i++) {
		f->keys[i] = k->name;
		f->key_locs[i] = k->loc;
		fe_mark(f, &k->mark, i + 1, &first, &reported);
	}
	f->array = array;
	f->array_loc = *array_loc;
	fe_mark(f, &mark, -1, &first, &reported);

	if (limit)
		f->limit = limit->e;
	struct sv_stmt v = st(p, STMT_FOREACH, loc, NULL, body.depth);
	v.s->foreach = f;
	v.s->body = body.s;
	return v;
}

static struct sv_stmts stmts_add(struct sv_stmts l, struct sv_stmt s)
{
	if (l.tail)
		l.tail->next = s.s;
	else
		l.head = s.s;
	l.tail = s.s;
	if (s.depth > l.depth)
		l.depth = s.depth;
	return l;
}

static void add_probe(struct pstate *p, struct sv_points points, struct sv_stmt body,
		      const struct loc *loc)
{
	struct probe *pr = arena_alloc(p->arena, sizeof(*pr));
	pr->loc = *loc;
	pr->points = points.head;
	pr->body = body.s;
	pr->id = p->script->nprobes++;
	*p->probe_tail = pr;
	p->probe_tail = &pr->next;
}

static struct func *add_func(struct pstate *p, const char *name,
			     const struct loc *name_loc, struct sv_type type,
			     struct sv_params params, struct sv_stmt body)
{
	struct func *f = arena_alloc(p->arena, sizeof(*f));
	f->loc = *name_loc;
	f->name = name;
	f->declared = type.t;
	f->params = params.head;
	f->nparams = params.n;
	f->body = body.s;
	*p->func_tail = f;
	p->func_tail = &f->next;
	return f;
}

/* Embedded C at the top level: kept for -p1, refused by nothing (it only
 * serves embedded-C functions, which are refused where they are called). */
static void add_embedded(struct pstate *p, struct tok_str code, const struct loc *loc)
{
	struct expr *e = ast_expr(p->arena, EXPR_EMBEDDED, loc);
	e->str = code.s;
	e->str_len = code.len;
	*p->embedded_tail = e;
	p->embedded_tail = &e->next;
}

/* A probe point; its text is canonical (ast_pp_text), for pp() and messages. */

/* ---- points with braces ----
 *
 * As SystemTap parses them: a point's components are a list of
 * alternatives, and a component in braces multiplies it, every
 * alternative so far followed by every point the braces hold (which keep
 * their own '?', '!' and condition); those may only be at the end of the
 * whole point, so an alternative that has one must not be followed by
 * more components.  A point is made (its text, its location) when it is
 * complete. */

static struct sv_points pts_one(struct pstate *p, struct pp_comp *c, const struct loc *loc)
{
	struct probe_point *pp = arena_alloc(p->arena, sizeof(*pp));
	pp->loc = *loc;
	pp->comps = c;
	return (struct sv_points){ pp, pp };
}

static struct pp_comp *comps_copy(struct pstate *p, const struct pp_comp *c,
				  struct pp_comp **tail)
{
	struct pp_comp *head = NULL, **at = &head;
	for (; c; c = c->next) {
		struct pp_comp *n = arena_alloc(p->arena, sizeof(*n));
		*n = *c;
		n->next = NULL;
		*at = n;
		*tail = n;
		at = &n->next;
	}
	return head;
}

static struct sv_points pts_product(struct pstate *p, struct sv_points pre,
				    struct sv_points suf)
{
	struct sv_points out = { NULL, NULL };
	for (struct probe_point *a = pre.head; a; a = a->next) {
		if (a->optional || a->cond) {
			diag_error(&a->loc, "'?', '!' or a condition may only end a probe point, "
				   "not be followed by more components");
			continue;
		}
		for (struct probe_point *b = suf.head; b; b = b->next) {
			struct probe_point *pp = arena_alloc(p->arena, sizeof(*pp));
			*pp = *b;
			pp->next = NULL;
			pp->loc = span(&a->loc, &b->loc);
			struct pp_comp *tail = NULL;
			pp->comps = comps_copy(p, a->comps, &tail);
			if (tail)
				tail->next = comps_copy(p, b->comps, &tail);
			else
				pp->comps = comps_copy(p, b->comps, &tail);
			if (out.tail)
				out.tail->next = pp;
			else
				out.head = pp;
			out.tail = pp;
		}
	}
	return out.head ? out : pre;
}

static struct sv_points pts_finish(struct pstate *p, struct sv_points alts, int mark,
				   const struct loc *mark_loc, struct expr *cond,
				   const struct loc *cond_loc)
{
	bool said_mark = false, said_cond = false;
	for (struct probe_point *pp = alts.head; pp; pp = pp->next) {
		if (mark && pp->optional && !said_mark) {
			diag_error(mark_loc, "'%c' given again: %s has '?' or '!' inside braces "
				   "already", mark, ast_pp_text(p->arena, pp->comps));
			said_mark = true;
		} else if (mark) {
			pp->optional = true;
			pp->sufficient = mark == '!';
		}
		if (cond && pp->cond && !said_cond) {
			diag_error(cond_loc, "a condition given again: %s has one inside braces "
				   "already", ast_pp_text(p->arena, pp->comps));
			said_cond = true;
		} else if (cond) {
			pp->cond = cond;
		}
		pp->text = ast_pp_text(p->arena, pp->comps);
	}
	return alts;
}

/* An alias's name: one point's components, without braces or marks. */
static struct sv_comps pts_name(struct pstate *p, struct sv_points alts, const struct loc *loc)
{
	if (alts.head != alts.tail || alts.head->optional || alts.head->cond)
		diag_error(loc, "a probe alias's name is one point, without braces, '?', '!' "
			   "or a condition");
	(void)p;
	struct sv_comps c = { alts.head->comps, alts.head->comps };
	while (c.tail && c.tail->next)
		c.tail = c.tail->next;
	return c;
}

/* `probe NAME = POINTS { … }` (op OP_NONE) or `probe NAME += POINTS { … }`. */
static void add_alias(struct pstate *p, struct sv_comps name, const struct loc *name_loc,
		      enum op op, const struct loc *op_loc, struct sv_points points,
		      struct sv_stmt body)
{
	if (op != OP_NONE && op != OP_ADD) {
		diag_error(op_loc, "expected '=' or '+=' after a probe alias's name");
		return;
	}
	for (struct pp_comp *c = name.head; c; c = c->next) {
		if (c->arg_kind != PP_ARG_NONE || strpbrk(c->name, "*?[")) {
			diag_error(&c->loc, "a probe alias's name is made of plain words, "
				   "without arguments or wildcards");
			return;
		}
	}
	struct alias *a = arena_alloc(p->arena, sizeof(*a));
	a->loc = *name_loc;
	a->name = name.head;
	a->text = ast_pp_text(p->arena, name.head);
	a->epilogue = op == OP_ADD;
	a->points = points.head;
	a->body = body.s;
	*p->alias_tail = a;
	p->alias_tail = &a->next;
}

static struct pp_comp *pp_comp(struct pstate *p, const char *name, const struct loc *loc)
{
	struct pp_comp *c = arena_alloc(p->arena, sizeof(*c));
	c->loc = *loc;
	c->name = name;
	return c;
}

static const char *pp_join(struct pstate *p, const char *a, const struct loc *aloc,
			   const char *b, const struct loc *bloc)
{
	/* Tokens from one macro or argument share its use's location, and
	 * whether they touched is not known here: they pass. */
	bool same = aloc->line == bloc->line && aloc->col == bloc->col &&
		    aloc->end_line == bloc->end_line && aloc->end_col == bloc->end_col;
	if (!same && (aloc->end_line != bloc->line || aloc->end_col + 1 != bloc->col))
		diag_error(bloc, "expected '.', ',', '?' or '{' between probe point "
			   "components");
	return arena_printf(p->arena, "%s%s", a, b);
}

/* The `*` of a slice: a variable named "*", which no identifier can be. */
static struct sv_expr any_key(struct pstate *p, const struct loc *loc)
{
	struct sv_expr v = { ast_expr(p->arena, EXPR_VAR, loc), 1, false };
	v.e->name = "*";
	return v;
}

static struct global *global_new(struct pstate *p, const char *name, const struct loc *loc)
{
	struct global *g = arena_alloc(p->arena, sizeof(*g));
	g->loc = *loc;
	g->name = name;
	*p->global_tail = g;
	p->global_tail = &g->next;
	return g;
}

/* `global a[N]`, wrapping or not. */
static struct global *global_sized(struct pstate *p, const char *name, struct tok_num size,
				    const struct loc *loc, const struct loc *size_loc)
{
	struct global *g = global_new(p, name, loc);
	g->is_array_decl = true;
	g->size = literal_num(p, size, false, size_loc)->num;
	if (g->size <= 0 || g->size > 1000000)
		diag_error(size_loc, "array size %" PRId64 " is out of range (1 to 1000000)",
			   g->size);
	return g;
}

/* A literal where SystemTap takes one: a global's initial value, a probe
 * point argument, an array size; a leading '-' belongs to it. */
static struct expr *literal_num(struct pstate *p, struct tok_num n, bool neg,
				const struct loc *loc)
{
	struct expr *e = ast_expr(p->arena, EXPR_NUM, loc);
	/* As SystemTap's, the minus sign may take a literal down to -2^63,
	 * no further: -18446744073709551615 is no -1 here. */
	if (neg && n.above && n.v != INT64_MIN)
		diag_error(loc, "number out of range: the smallest is -9223372036854775808");
	e->num = neg ? (int64_t)(0 - (uint64_t)n.v) : n.v;
	return e;
}

static struct sv_type type_of(const char *name, const struct loc *loc)
{
	struct sv_type t = { TYPE_UNKNOWN, *loc };
	if (strcmp(name, "long") == 0)
		t.t = TYPE_LONG;
	else if (strcmp(name, "string") == 0)
		t.t = TYPE_STRING;
	else
		diag_error(loc, "unknown type '%s': expected 'long' or 'string'", name);
	return t;
}

static struct param *param_new(struct pstate *p, const char *name, struct sv_type type,
			       const struct loc *loc)
{
	struct param *pa = arena_alloc(p->arena, sizeof(*pa));
	pa->loc = *loc;
	pa->name = name;
	pa->declared = type.t;
	return pa;
}

/* ---- syntax errors ---- */

/* Bison reports running out of stack this way; the trees that need that
 * much are all deeper than the nesting limit. */
static void parse_error(PARSE_LTYPE *loc, struct pstate *p, const char *msg)
{
	if (strcmp(msg, "memory exhausted") == 0) {
		if (!p->too_deep)
			diag_error(loc, "nesting too deep (more than %d levels)", PARSE_MAX_DEPTH);
		p->too_deep = true;
		return;
	}
	diag_error(loc, "%s", msg);
}

/* Token groups an "expected …" list names as one word when their `core`
 * tokens are all expected; the other members just join the group. */
struct group {
	const char *name;
	const char *core_chars, *chars;    /* character tokens */
	yysymbol_kind_t core[4], named[20]; /* YYSYMBOL_YYEMPTY ends a list */
};

static const struct group groups[] = {
	{ "operator", "+*", "=?|^&<>.-/%([",
	  { YYSYMBOL_EQ, YYSYMBOL_LAND, YYSYMBOL_YYEMPTY },
	  { YYSYMBOL_ASSIGN_OP, YYSYMBOL_STAT_ADD, YYSYMBOL_LOR, YYSYMBOL_IN, YYSYMBOL_NE,
	    YYSYMBOL_LE, YYSYMBOL_GE, YYSYMBOL_SHL, YYSYMBOL_SHR, YYSYMBOL_USHR, YYSYMBOL_DOT_MEMBER,
	    YYSYMBOL_REGEX_OP, YYSYMBOL_INC, YYSYMBOL_DEC, YYSYMBOL_ARROW, YYSYMBOL_PRETTY,
	    YYSYMBOL_YYEMPTY } },
	{ "probe point component", "*", "",
	  { YYSYMBOL_IDENT, YYSYMBOL_RETURN, YYSYMBOL_YYEMPTY },
	  { YYSYMBOL_PROBE, YYSYMBOL_GLOBAL, YYSYMBOL_FUNCTION, YYSYMBOL_IF, YYSYMBOL_ELSE,
	    YYSYMBOL_WHILE, YYSYMBOL_FOR, YYSYMBOL_FOREACH, YYSYMBOL_IN, YYSYMBOL_LIMIT,
	    YYSYMBOL_BREAK, YYSYMBOL_CONTINUE, YYSYMBOL_NEXT, YYSYMBOL_DELETE,
	    YYSYMBOL_TRY, YYSYMBOL_CATCH, YYSYMBOL_YYEMPTY } },
	{ "statement", "{", ";([-+!~*&",
	  { YYSYMBOL_IF, YYSYMBOL_WHILE, YYSYMBOL_YYEMPTY },
	  { YYSYMBOL_FOR, YYSYMBOL_FOREACH, YYSYMBOL_BREAK, YYSYMBOL_CONTINUE, YYSYMBOL_NEXT,
	    YYSYMBOL_RETURN, YYSYMBOL_DELETE, YYSYMBOL_TRY, YYSYMBOL_NUMBER, YYSYMBOL_STRING, YYSYMBOL_IDENT,
	    YYSYMBOL_TARGET, YYSYMBOL_SCRIPT_ARG, YYSYMBOL_ARGC, YYSYMBOL_STATOP,
	    YYSYMBOL_AT_WORD, YYSYMBOL_YYEMPTY } },
	{ "expression", "(", "[-+!~*&",
	  { YYSYMBOL_NUMBER, YYSYMBOL_IDENT, YYSYMBOL_YYEMPTY },
	  { YYSYMBOL_STRING, YYSYMBOL_TARGET, YYSYMBOL_SCRIPT_ARG, YYSYMBOL_ARGC,
	    YYSYMBOL_STATOP, YYSYMBOL_AT_WORD, YYSYMBOL_INC, YYSYMBOL_DEC, YYSYMBOL_YYEMPTY } },
};

static bool in_set(const yysymbol_kind_t *set, int n, yysymbol_kind_t k)
{
	for (int i = 0; i < n; i++)
		if (set[i] == k)
			return true;
	return false;
}

static void take(yysymbol_kind_t *set, int *n, yysymbol_kind_t k)
{
	int m = 0;
	for (int i = 0; i < *n; i++)
		if (set[i] != k)
			set[m++] = set[i];
	*n = m;
}

static bool take_group(yysymbol_kind_t *set, int *n, const struct group *g)
{
	for (const char *c = g->core_chars; *c; c++)
		if (!in_set(set, *n, YYTRANSLATE((int)(unsigned char)*c)))
			return false;
	for (const yysymbol_kind_t *k = g->core; *k != YYSYMBOL_YYEMPTY; k++)
		if (!in_set(set, *n, *k))
			return false;
	for (const char *c = g->core_chars; *c; c++)
		take(set, n, YYTRANSLATE((int)(unsigned char)*c));
	for (const char *c = g->chars; *c; c++)
		take(set, n, YYTRANSLATE((int)(unsigned char)*c));
	for (const yysymbol_kind_t *k = g->core; *k != YYSYMBOL_YYEMPTY; k++)
		take(set, n, *k);
	for (const yysymbol_kind_t *k = g->named; *k != YYSYMBOL_YYEMPTY; k++)
		take(set, n, *k);
	return true;
}

/* "expected ';' or '}' before 'else'": the expected tokens, the long
 * alternatives named as one ("statement", "expression", "operator"). */
static int yyreport_syntax_error(const yypcontext_t *ctx, struct pstate *p)
{
	/* Some tokens come with their error already reported by the scanner. */
	yysymbol_kind_t tok = yypcontext_token(ctx);
	if (p->too_deep || (p->eof_error && tok == YYSYMBOL_YYEOF))
		return 0;

	yysymbol_kind_t exp[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
	if (n < 0)
		n = 0;

	/* A body left open at the end wants its '}', whatever else could go
	 * there. */
	yysymbol_kind_t rbrace = YYTRANSLATE('}');
	if (tok == YYSYMBOL_YYEOF && in_set(exp, n, rbrace)) {
		exp[0] = rbrace;
		n = 1;
	}
	/* Not worth suggesting: the end, which is possible wherever a
	 * declaration may start, embedded C, and the next declaration when
	 * the current one could go on. */
	take(exp, &n, YYSYMBOL_YYEOF);
	take(exp, &n, YYSYMBOL_EMBEDDED);
	take(exp, &n, YYSYMBOL_PRIVATE);
	/* After a probe point: its condition, and the '=' of an alias. */
	if (in_set(exp, n, YYTRANSLATE('{')) && in_set(exp, n, YYTRANSLATE('?')) &&
	    !in_set(exp, n, YYSYMBOL_NUMBER)) {
		take(exp, &n, YYSYMBOL_IF);
		take(exp, &n, YYTRANSLATE('='));
		take(exp, &n, YYSYMBOL_ASSIGN_OP);
	}
	bool decl = in_set(exp, n, YYSYMBOL_PROBE) && in_set(exp, n, YYSYMBOL_GLOBAL);
	/* An empty declaration is no suggestion where nothing else is. */
	if (decl && n == 4 && in_set(exp, n, YYTRANSLATE(';')))
		take(exp, &n, YYTRANSLATE(';'));
	if (decl && n > 3 && !in_set(exp, n, YYSYMBOL_IDENT)) {
		take(exp, &n, YYSYMBOL_PROBE);
		take(exp, &n, YYSYMBOL_GLOBAL);
		take(exp, &n, YYSYMBOL_FUNCTION);
	}

	const char *names[YYNTOKENS];
	int nn = 0;
	/* After a whole component, a '{' starts the body, and a component
	 * could only touch the last one; anywhere else a '{' is a group of
	 * points, which is a component too. */
	bool touching = in_set(exp, n, YYTRANSLATE('{')) && in_set(exp, n, YYTRANSLATE('?'));
	bool found_group[sizeof(groups) / sizeof(*groups)];
	for (size_t i = 0; i < sizeof(groups) / sizeof(*groups); i++)
		found_group[i] = take_group(exp, &n, &groups[i]);
	/* Operators and probe point components first, then single tokens,
	 * then statements and expressions. */
	if (found_group[1] && !touching)
		take(exp, &n, YYTRANSLATE('{'));
	found_group[1] &= !touching;
	for (size_t i = 0; i < 2; i++)
		if (found_group[i])
			names[nn++] = groups[i].name;
	for (int i = 0; i < n; i++) {
		bool dup = false;  /* DOT_MEMBER is a '.' too */
		for (int j = 0; j < nn; j++)
			dup |= strcmp(names[j], yysymbol_name(exp[i])) == 0;
		if (!dup)
			names[nn++] = yysymbol_name(exp[i]);
	}
	for (size_t i = 2; i < sizeof(groups) / sizeof(*groups); i++)
		if (found_group[i])
			names[nn++] = groups[i].name;

	/* What was found: the token's own text, shortened if long. */
	char found[80];
	if (tok == YYSYMBOL_YYEOF) {
		snprintf(found, sizeof(found), "end of input");
	} else {
		const char *text = p->tok_text;
		const char *nl = memchr(text, '\n', p->tok_text_len);
		size_t len = nl ? (size_t)(nl - text) : p->tok_text_len;
		bool cut = len < p->tok_text_len || len > 40;
		const char *q = tok == YYSYMBOL_STRING ? "" : "'";
		snprintf(found, sizeof(found), "%s%.*s%s%s", q, (int)(len > 40 ? 32 : len), text,
			 cut ? "..." : "", q);
	}

	const struct loc *loc = yypcontext_location(ctx);
	if (nn == 0 || nn > 6) {
		diag_error(loc, "unexpected %s", found);
	} else {
		char list[512];
		size_t used = 0;
		for (int i = 0; i < nn && used < sizeof(list); i++) {
			const char *sep = i == 0 ? "" : i == nn - 1 ? " or " : ", ";
			used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", sep,
						 names[i]);
		}
		diag_error(loc, "expected %s %s %s", list,
			   tok == YYSYMBOL_YYEOF ? "at" : "before", found);
	}
	if (p->tok_origin && tok != YYSYMBOL_YYEOF)
		diag_note(loc, "%s comes from %s", found, p->tok_origin);
	return 0;
}

/* ---- entry point ---- */

struct script *parse_script(struct arena *a, const struct src_file *file,
			    const struct parse_opts *opts)
{
	static const struct parse_opts none;
	struct script *s = arena_alloc(a, sizeof(*s));
	s->arena = a;
	s->file = file;

	struct pstate p = {
		.arena = a,
		.file = file,
		.script = s,
		.probe_tail = &s->probes,
		.global_tail = &s->globals,
		.alias_tail = &s->aliases,
		.func_tail = &s->funcs,
		.embedded_tail = &s->embedded,
		.line = 1,
		.col = 1,
		.end_line = 1,
		.end_col = 0,
		.opts = opts ? opts : &none,
	};
	p.scanner = lex_open(&p);
	pp_open(&p);
	parse_parse(&p);
	pp_close(&p);
	lex_close(p.scanner);
	return s;
}
