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
 * Bison's header (parser.h) is shared with lexer.l only. */

%code requires {
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/* Semantic values.  Expressions carry the depth of the expression tree
 * under them, statements that of the statements under them, so both are
 * bounded while the tree is built. */
struct tok_num { int64_t v; bool above; };  /* above: written above 2^63 - 1 */
struct tok_str { const char *s; size_t len; };
struct tok_target { const char *name; int pretty; };
struct tok_sarg { int64_t idx; bool is_string; };

struct str_piece { struct str_piece *next; const char *s; size_t len; };
struct sv_strs { struct str_piece *head, *tail; size_t len; };
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

/* The state one parse shares between parser and scanner. */
struct pstate {
	struct arena *arena;
	const struct src_file *file;
	struct script *script;
	void *scanner;
	struct probe **probe_tail;
	struct global **global_tail;
	struct func **func_tail;

	/* scanner position: the next byte to read, and where the match
	 * being handled started */
	int line, col;
	size_t offset, match_offset;
	/* the token just returned: its bytes, and where it ended */
	size_t tok_offset, tok_len;
	int tok_kind;
	int end_line, end_col;
	int brackets;        /* open ( [ { */
	int braces;          /* open { */
	int closing;         /* '}' still to insert before a top-level keyword */
	int keyword;         /* that keyword's token */
	int errors_before;   /* diag_errors() when the keyword was seen */
	struct loc keyword_loc;
	size_t keyword_offset;
	bool after_member;   /* last token was -> or a member '.' */
	struct loc skip_loc; /* the %{ or %( being skipped */
	size_t skip_offset;
	int skip_depth;

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
	return lex_lex(lval, lloc, p->scanner);
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
static void add_func(struct pstate *p, const char *name, const struct loc *name_loc,
		     struct sv_type type, struct sv_params params, struct sv_stmt body);
static struct probe_point *pp_new(struct pstate *p, struct sv_comps comps, bool optional,
				  const struct loc *loc);
static struct pp_comp *pp_comp(struct pstate *p, const char *name, const struct loc *loc);
static const char *pp_join(struct pstate *p, const char *a, const struct loc *aloc,
			   const char *b, const struct loc *bloc);
static struct global *global_new(struct pstate *p, const char *name, const struct loc *loc);
static struct global *global_sized(struct pstate *p, const char *name, struct tok_num size,
				    const struct loc *loc, const struct loc *size_loc);
static struct expr *literal_num(struct pstate *p, struct tok_num n, bool neg,
				const struct loc *loc);
static struct sv_type type_of(const char *name, const struct loc *loc);
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
%token EMBEDDED "embedded C code"

%token PROBE "'probe'" GLOBAL "'global'" FUNCTION "'function'"
%token IF "'if'" ELSE "'else'" WHILE "'while'" FOR "'for'" FOREACH "'foreach'"
%token IN "'in'" LIMIT "'limit'" BREAK "'break'" CONTINUE "'continue'"
%token NEXT "'next'" RETURN "'return'" DELETE "'delete'"
%token TRY "'try'" CATCH "'catch'"

%token <op> ASSIGN_OP "assignment operator"
%token STAT_ADD "'<<<'" LOR "'||'" LAND "'&&'"
%token EQ "'=='" NE "'!='" LE "'<='" GE "'>='" SHL "'<<'" SHR "'>>'"
%token USHR "'>>>'"
%token INC "'++'" DEC "'--'" ARROW "'->'" DOT_MEMBER "'.'" REGEX_OP "'=~'"

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
%precedence ';' INC DEC '(' '[' STRING IDENT NUMBER TARGET SCRIPT_ARG ARGC STATOP
	AT_WORD '!' '~'

%type <ex> expr unary postfix primary target limit
%type <exl> expr_list args
%type <strs> strings
%type <sfx> suffixes
%type <st> stmt simple block body func_body opt_expr_stmt
%type <stl> stmts
%type <mark> mark
%type <fev> fe_var
%type <fevs> fe_vars
%type <feh> fe_head
%type <pps> points
%type <pp> point
%type <comps> comps
%type <comp> comp
%type <id> pp_name pp_word keyword fe_array
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
	| GLOBAL global_list semi_opt
	| FUNCTION IDENT type_opt '(' params ')' func_body
		{ add_func(p, $2, &@2, $3, $5, $7); }
	/* After a bad header, skip to its body or to the next declaration;
	 * errors are reported again from there. */
	| error body		{ yyerrok; }
	| error
		{
			if (yychar == TOK_PROBE || yychar == TOK_GLOBAL || yychar == TOK_FUNCTION ||
			    yychar == TOK_END)
				yyerrok;
		}
	;

semi_opt: %empty | ';' ;

/* ---- probe points ---- */

points:
	  point			{ $$.head = $$.tail = $1; }
	| points ',' point	{ $$ = $1; $$.tail->next = $3; $$.tail = $3; }
	;

point:
	  comps			{ $$ = pp_new(p, $1, false, &@$); }
	| comps '?'		{ $$ = pp_new(p, $1, true, &@$); }
	| comps '!'		{ $$ = pp_new(p, $1, true, &@$); }
	;

comps:
	  comp			{ $$.head = $$.tail = $1; }
	| comps '.' comp	{ $$ = $1; $$.tail->next = $3; $$.tail = $3; }
	| comps DOT_MEMBER comp	{ $$ = $1; $$.tail->next = $3; $$.tail = $3; }
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

keyword:
	  IF { $$ = "if"; } | ELSE { $$ = "else"; }
	| WHILE { $$ = "while"; } | FOR { $$ = "for"; } | FOREACH { $$ = "foreach"; }
	| IN { $$ = "in"; } | LIMIT { $$ = "limit"; } | BREAK { $$ = "break"; }
	| CONTINUE { $$ = "continue"; } | NEXT { $$ = "next"; }
	| RETURN { $$ = "return"; } | DELETE { $$ = "delete"; }
	| TRY { $$ = "try"; } | CATCH { $$ = "catch"; }
	;

/* ---- globals and functions ---- */

global_list: global_item | global_list ',' global_item ;

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

func_body:
	  body
	| EMBEDDED		{ $$ = st_block(p, (struct sv_stmts){0}, &@$); }
	;

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
		{ $$ = st_foreach(p, $3, $5, &@5, $6, &$7, $9, &@$); }
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
			$$ = st_foreach(p, $3, $5, &@5, $7, &$8, $10, &@$);
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
	  IDENT
	| IDENT '[' expr_list ']'
		{
			diag_error(&@2, "foreach takes a whole array: no index after '%s'", $1);
			$$ = $1;
		}
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
	| '[' expr_list ']' IN IDENT %prec IN
				{ $$ = ex_list(p, EXPR_IN, $5, &@5, $2, &@$); }
	| expr EQ expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_EQ, $1, $3, &@$, &@2); }
	| expr NE expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_NE, $1, $3, &@$, &@2); }
	| expr '<' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_LT, $1, $3, &@$, &@2); }
	| expr '>' expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_GT, $1, $3, &@$, &@2); }
	| expr LE expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_LE, $1, $3, &@$, &@2); }
	| expr GE expr		{ $$ = ex_binary(p, EXPR_BINARY, OP_GE, $1, $3, &@$, &@2); }
	| expr REGEX_OP expr
		{
			int d = $1.depth > $3.depth ? $1.depth : $3.depth;
			$$ = ex_unsupported(p, "regular expression matching ('=~', '!~')",
					    &@2, d, &@$);
		}
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
	| INC primary		{ $$ = ex_incdec(p, OP_PREINC, $2, &@$); }
	| DEC primary		{ $$ = ex_incdec(p, OP_PREDEC, $2, &@$); }
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
	| IDENT '[' expr_list ']'
				{ $$ = ex_list(p, EXPR_INDEX, $1, &@1, $3, &@$); }
	| IDENT '(' args ')'	{ $$ = ex_list(p, EXPR_CALL, $1, &@1, $3, &@$); }
	| '(' expr ')'		{ $$ = $2; }
	| target
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
		{
			int d = $3.depth > $5.depth ? $3.depth : $5.depth;
			if (strcmp($1, "@entry") == 0 && $3.n == 1 && !$5.head) {
				$$ = ex(p, ast_expr(p->arena, EXPR_ENTRY, &@$), d);
				$$.e->lhs = $3.head;
			} else {
				$$ = ex_unsupported(p, $1, &@1, d, &@$);
			}
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

/* SystemTap operators uscript does not have (@cast, @entry, =~ …) parse as
 * a placeholder, so one error covers the whole construct. */
static struct sv_expr ex_unsupported(struct pstate *p, const char *what,
				     const struct loc *what_loc, int child_depth,
				     const struct loc *loc)
{
	static const char *const stap_ops[] = {
		"@cast", "@var", "@entry", "@defined", "@perf", "@define", "@const",
		"@probewrite", "@kregister", "@uregister", "@choose_defined",
	};
	bool at = what[0] == '@', known = !at;
	for (size_t i = 0; i < sizeof(stap_ops) / sizeof(*stap_ops); i++)
		known |= strcmp(what, stap_ops[i]) == 0;
	if (known)
		diag_error(what_loc, "%s%s%s is not supported by uscript", at ? "'" : "", what,
			   at ? "'" : "");
	else
		diag_error(what_loc, "unknown operator '%s'", what);
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

/* Adjacent literals concatenate, "a" "b" being "ab", as in SystemTap. */
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

static void add_func(struct pstate *p, const char *name, const struct loc *name_loc,
		     struct sv_type type, struct sv_params params, struct sv_stmt body)
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
}

/* The canonical text of a probe point: components joined by '.', their
 * arguments normalised (numbers in decimal, but a statement's address in
 * hex as nm and objdump show it; strings escaped as ast_print does), no
 * trailing '?'. */
static struct probe_point *pp_new(struct pstate *p, struct sv_comps comps, bool optional,
				  const struct loc *loc)
{
	struct probe_point *pp = arena_alloc(p->arena, sizeof(*pp));
	pp->loc = *loc;
	pp->comps = comps.head;
	pp->optional = optional;

	char *text;
	size_t size;
	FILE *f = open_memstream(&text, &size);
	if (!f) {
		perror("uscript: open_memstream");
		abort();
	}
	for (struct pp_comp *c = comps.head; c; c = c->next) {
		fprintf(f, "%s%s", c == comps.head ? "" : ".", c->name);
		if (c->arg_kind == PP_ARG_STR) {
			fputc('(', f);
			ast_print_string(c->str, strlen(c->str), f);
			fputc(')', f);
		} else if (c->arg_kind == PP_ARG_NUM && strcmp(c->name, "statement") == 0 &&
			   c->num >= 0) {
			fprintf(f, "(%#" PRIx64 ")", (uint64_t)c->num);
		} else if (c->arg_kind == PP_ARG_NUM) {
			fprintf(f, "(%" PRId64 ")", c->num);
		}
	}
	fclose(f);
	pp->text = arena_strndup(p->arena, text, size);
	free(text);
	return pp;
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
	if (aloc->end_line != bloc->line || aloc->end_col + 1 != bloc->col)
		diag_error(bloc, "expected '.', ',', '?' or '{' between probe point "
			   "components");
	return arena_printf(p->arena, "%s%s", a, b);
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
	{ "statement", "{", ";([-+!~*",
	  { YYSYMBOL_IF, YYSYMBOL_WHILE, YYSYMBOL_YYEMPTY },
	  { YYSYMBOL_FOR, YYSYMBOL_FOREACH, YYSYMBOL_BREAK, YYSYMBOL_CONTINUE, YYSYMBOL_NEXT,
	    YYSYMBOL_RETURN, YYSYMBOL_DELETE, YYSYMBOL_TRY, YYSYMBOL_NUMBER, YYSYMBOL_STRING, YYSYMBOL_IDENT,
	    YYSYMBOL_TARGET, YYSYMBOL_SCRIPT_ARG, YYSYMBOL_ARGC, YYSYMBOL_STATOP,
	    YYSYMBOL_AT_WORD, YYSYMBOL_YYEMPTY } },
	{ "expression", "(", "[-+!~*",
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
	if (p->too_deep || (p->eof_error && tok == YYSYMBOL_YYEOF) || tok == YYSYMBOL_EMBEDDED)
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
	bool decl = in_set(exp, n, YYSYMBOL_PROBE) && in_set(exp, n, YYSYMBOL_GLOBAL);
	if (decl && n > 3 && !in_set(exp, n, YYSYMBOL_IDENT)) {
		take(exp, &n, YYSYMBOL_PROBE);
		take(exp, &n, YYSYMBOL_GLOBAL);
		take(exp, &n, YYSYMBOL_FUNCTION);
	}

	const char *names[YYNTOKENS];
	int nn = 0;
	bool found_group[sizeof(groups) / sizeof(*groups)];
	for (size_t i = 0; i < sizeof(groups) / sizeof(*groups); i++)
		found_group[i] = take_group(exp, &n, &groups[i]);
	/* Operators and probe point components first, then single tokens,
	 * then statements and expressions. */
	found_group[1] &= !in_set(exp, n, YYTRANSLATE('{'));  /* it could only touch */
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
		const char *text = p->file->text + p->tok_offset;
		const char *nl = memchr(text, '\n', p->tok_len);
		size_t len = nl ? (size_t)(nl - text) : p->tok_len;
		bool cut = len < p->tok_len || len > 40;
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
	return 0;
}

/* ---- entry point ---- */

struct script *parse_script(struct arena *a, const struct src_file *file)
{
	struct script *s = arena_alloc(a, sizeof(*s));
	s->arena = a;
	s->file = file;

	struct pstate p = {
		.arena = a,
		.file = file,
		.script = s,
		.probe_tail = &s->probes,
		.global_tail = &s->globals,
		.func_tail = &s->funcs,
		.line = 1,
		.col = 1,
		.end_line = 1,
		.end_col = 0,
	};
	p.scanner = lex_open(&p);
	parse_parse(&p);
	lex_close(p.scanner);
	return s;
}
