/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ast.c — names for the tree's enums, node constructors, copies of
 * statements, and the -p1 dump.
 *
 * ast_print writes the script back as uscript text that parses to the same
 * tree: every compound expression in parentheses (except the outermost of a
 * statement, a condition or an argument), every simple statement ended with
 * ';' so the next line cannot continue it, numbers in decimal and strings
 * re-escaped. */
#include "ast.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

const char *type_name(enum type t)
{
	switch (t) {
	case TYPE_UNKNOWN: return "unknown";
	case TYPE_LONG: return "long";
	case TYPE_STRING: return "string";
	case TYPE_STAT: return "stat";
	}
	return "?";
}

const char *op_name(enum op op)
{
	static const char *const names[] = {
		[OP_NONE] = "",
		[OP_ADD] = "+", [OP_SUB] = "-", [OP_MUL] = "*", [OP_DIV] = "/",
		[OP_MOD] = "%", [OP_SHL] = "<<", [OP_SHR] = ">>", [OP_USHR] = ">>>",
		[OP_BAND] = "&", [OP_BOR] = "|", [OP_BXOR] = "^",
		[OP_LAND] = "&&", [OP_LOR] = "||",
		[OP_EQ] = "==", [OP_NE] = "!=", [OP_LT] = "<", [OP_LE] = "<=",
		[OP_GT] = ">", [OP_GE] = ">=",
		[OP_CONCAT] = ".", [OP_MATCH] = "=~", [OP_NMATCH] = "!~",
		[OP_NEG] = "-", [OP_PLUS] = "+", [OP_NOT] = "!", [OP_BNOT] = "~",
		[OP_DEREF] = "*",
		[OP_PREINC] = "++", [OP_PREDEC] = "--", [OP_POSTINC] = "++",
		[OP_POSTDEC] = "--",
	};
	if ((unsigned)op < sizeof(names) / sizeof(*names) && names[op])
		return names[op];
	return "?";
}

const char *stat_op_name(enum stat_op op)
{
	switch (op) {
	case STAT_COUNT: return "@count";
	case STAT_SUM: return "@sum";
	case STAT_MIN: return "@min";
	case STAT_MAX: return "@max";
	case STAT_AVG: return "@avg";
	case STAT_HIST_LOG: return "@hist_log";
	case STAT_HIST_LINEAR: return "@hist_linear";
	case STAT_VARIANCE: return "@variance";
	}
	return "@?";
}

struct expr *ast_expr(struct arena *a, enum expr_kind kind, const struct loc *loc)
{
	struct expr *e = arena_alloc(a, sizeof(*e));
	e->kind = kind;
	e->loc = *loc;
	return e;
}

struct stmt *ast_stmt(struct arena *a, enum stmt_kind kind, const struct loc *loc)
{
	struct stmt *s = arena_alloc(a, sizeof(*s));
	s->kind = kind;
	s->loc = *loc;
	return s;
}

int ast_count(const struct expr *list)
{
	int n = 0;
	for (; list; list = list->next)
		n++;
	return n;
}

/* ---- -p1 ---- */

void ast_print_string(const char *s, size_t len, FILE *out)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		case '\a': fputs("\\a", out); break;
		case '\b': fputs("\\b", out); break;
		case '\f': fputs("\\f", out); break;
		case '\v': fputs("\\v", out); break;
		default:
			/* Three digits, so a digit after it cannot join the escape. */
			if (c < 0x20 || c == 0x7f)
				fprintf(out, "\\%03o", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

static void print_expr(const struct expr *e, bool top, FILE *out);

static void print_list(const struct expr *list, FILE *out)
{
	for (const struct expr *e = list; e; e = e->next) {
		if (e != list)
			fputs(", ", out);
		print_expr(e, true, out);
	}
}

static void print_target(const struct expr *e, FILE *out)
{
	if (e->addr_of)
		fputc('&', out);
	if (e->form == TARGET_DOLLAR) {
		fprintf(out, "$%s", e->name);
	} else if (e->form == TARGET_AUTO && (e->lhs->kind == EXPR_CALL ||
					      (e->lhs->kind == EXPR_VAR && e->suffix->member))) {
		print_expr(e->lhs, true, out);
	} else if (e->form == TARGET_AUTO) {
		/* "(v)[1]": without them, "v[1]" is an array's element */
		fputc('(', out);
		print_expr(e->lhs, true, out);
		fputc(')', out);
	} else {
		fputs(e->form == TARGET_CAST ? "@cast(" : "@var(", out);
		if (e->lhs) {
			print_expr(e->lhs, true, out);
			fputs(", ", out);
		}
		print_list(e->args, out);
		fputc(')', out);
	}
	for (const struct target_suffix *s = e->suffix; s; s = s->next) {
		if (s->member) {
			fprintf(out, "->%s", s->member);
		} else {
			fputc('[', out);
			print_expr(s->index, true, out);
			fputc(']', out);
		}
	}
	for (int i = 0; i < e->pretty; i++)
		fputc('$', out);
}

/* `top`: the expression stands alone (a statement, a condition, an
 * argument), so its own parentheses would add nothing. */
static void print_expr(const struct expr *e, bool top, FILE *out)
{
	const char *open = top ? "" : "(", *close = top ? "" : ")";

	switch (e->kind) {
	case EXPR_NUM:
		if (e->num < 0)
			fprintf(out, "%s%" PRId64 "%s", open, e->num, close);
		else
			fprintf(out, "%" PRId64, e->num);
		break;
	case EXPR_STR:
		ast_print_string(e->str, e->str_len, out);
		break;
	case EXPR_VAR:
		fputs(e->name, out);
		break;
	case EXPR_EMBEDDED:
		fprintf(out, "%%{%s%%}", e->str);
		break;
	case EXPR_INDEX:
		fprintf(out, "%s[", e->name);
		print_list(e->args, out);
		fputc(']', out);
		break;
	case EXPR_CALL:
		fprintf(out, "%s(", e->name);
		print_list(e->args, out);
		fputc(')', out);
		break;
	case EXPR_STAT:
		fprintf(out, "%s(", stat_op_name(e->stat));
		print_list(e->args, out);
		fputc(')', out);
		break;
	case EXPR_TARGET:
		print_target(e, out);
		break;
	case EXPR_DEFINED:
		fputs(e->num ? "@choose_defined(" : "@defined(", out);
		print_list(e->args, out);
		fputc(')', out);
		break;
	case EXPR_BUCKET:
		print_expr(e->lhs, true, out);
		fputc('[', out);
		print_expr(e->rhs, true, out);
		fputc(']', out);
		break;
	case EXPR_ENTRY:
		fputs("@entry(", out);
		print_expr(e->lhs, true, out);
		fputc(')', out);
		break;
	case EXPR_SCRIPT_ARG:
		fprintf(out, "%c%" PRId64, e->is_string ? '@' : '$', e->num);
		break;
	case EXPR_ARGC:
		fputs(e->is_string ? "@#" : "$#", out);
		break;
	case EXPR_UNARY:
		fprintf(out, "%s%s", open, op_name(e->op));
		print_expr(e->lhs, false, out);
		fputs(close, out);
		break;
	case EXPR_INCDEC:
		fputs(open, out);
		if (e->op == OP_PREINC || e->op == OP_PREDEC)
			fputs(op_name(e->op), out);
		print_expr(e->lhs, false, out);
		if (e->op == OP_POSTINC || e->op == OP_POSTDEC)
			fputs(op_name(e->op), out);
		fputs(close, out);
		break;
	case EXPR_BINARY:
	case EXPR_ASSIGN:
	case EXPR_STAT_ADD:
		fputs(open, out);
		print_expr(e->lhs, false, out);
		if (e->kind == EXPR_BINARY)
			fprintf(out, " %s ", op_name(e->op));
		else if (e->kind == EXPR_ASSIGN)
			fprintf(out, " %s= ", op_name(e->op));
		else
			fputs(" <<< ", out);
		print_expr(e->rhs, false, out);
		fputs(close, out);
		break;
	case EXPR_TERNARY:
		fputs(open, out);
		print_expr(e->cond, false, out);
		fputs(" ? ", out);
		print_expr(e->lhs, false, out);
		fputs(" : ", out);
		print_expr(e->rhs, false, out);
		fputs(close, out);
		break;
	case EXPR_IN:
		fputs(open, out);
		if (e->args && !e->args->next) {
			print_expr(e->args, false, out);
		} else {
			fputc('[', out);
			print_list(e->args, out);
			fputc(']', out);
		}
		fprintf(out, " in %s%s", e->name, close);
		break;
	}
}

static void indent(int depth, FILE *out)
{
	for (int i = 0; i < depth; i++)
		fputc('\t', out);
}

static void print_stmt(const struct stmt *s, int depth, FILE *out);
static void print_stmt_text(const struct stmt *s, int depth, FILE *out);

static void print_stmts(const struct stmt *list, int depth, FILE *out)
{
	for (const struct stmt *s = list; s; s = s->next)
		print_stmt(s, depth, out);
}

/* The body of an if, a loop: a block opens on the header's line and the
 * function returns true with the cursor after its '}'; any other statement
 * goes on its own line, one level in. */
static bool print_body(const struct stmt *s, int depth, FILE *out)
{
	if (s->kind == STMT_BLOCK) {
		fputs(" {\n", out);
		print_stmts(s->body, depth + 1, out);
		indent(depth, out);
		fputc('}', out);
		return true;
	}
	fputc('\n', out);
	print_stmt(s, depth + 1, out);
	return false;
}

static void print_foreach(const struct stmt *s, int depth, FILE *out)
{
	const struct foreach *f = s->foreach;
	const char *mark = f->sort_dir > 0 ? "+" : f->sort_dir < 0 ? "-" : "";
	bool brackets = f->value || f->nkeys != 1;

	fputs("foreach (", out);
	if (f->value)
		fprintf(out, "%s = ", f->value);
	if (brackets)
		fputc('[', out);
	for (int i = 0; i < f->nkeys; i++)
		fprintf(out, "%s%s%s", i ? ", " : "", f->keys[i],
			f->sort_column == i + 1 ? mark : "");
	if (brackets)
		fputc(']', out);
	if (f->hist) {
		fputs(" in ", out);
		print_expr(f->hist, true, out);
	} else {
		fprintf(out, " in %s", f->array);
		if (f->slice) {
			fputc('[', out);
			print_list(f->slice, out);
			fputc(']', out);
		}
		fprintf(out, "%s%s", f->has_aggr ? " " : "",
			f->has_aggr ? stat_op_name(f->sort_aggr) : "");
	}
	fputs(f->sort_column == -1 ? mark : "", out);
	if (f->limit) {
		fputs(" limit ", out);
		print_expr(f->limit, true, out);
	}
	fputc(')', out);
	if (print_body(s->body, depth, out))
		fputc('\n', out);
}

static void print_if(const struct stmt *s, int depth, FILE *out)
{
	fputs("if (", out);
	print_expr(s->expr, true, out);
	fputc(')', out);
	bool brace = print_body(s->body, depth, out);
	if (!s->else_body) {
		if (brace)
			fputc('\n', out);
		return;
	}
	if (brace) {
		fputs(" else", out);
	} else {
		indent(depth, out);
		fputs("else", out);
	}
	if (s->else_body->kind == STMT_IF) {
		fputc(' ', out);
		print_if(s->else_body, depth, out);
	} else if (print_body(s->else_body, depth, out)) {
		fputc('\n', out);
	}
}

static void print_stmt(const struct stmt *s, int depth, FILE *out)
{
	indent(depth, out);
	print_stmt_text(s, depth, out);
}

/* One statement from the cursor on, through its final newline. */
static void print_stmt_text(const struct stmt *s, int depth, FILE *out)
{
	switch (s->kind) {
	case STMT_BLOCK:
		fputs("{\n", out);
		print_stmts(s->body, depth + 1, out);
		indent(depth, out);
		fputs("}\n", out);
		break;
	case STMT_EXPR:
		print_expr(s->expr, true, out);
		fputs(";\n", out);
		break;
	case STMT_IF:
		print_if(s, depth, out);
		break;
	case STMT_WHILE:
		fputs("while (", out);
		print_expr(s->expr, true, out);
		fputc(')', out);
		if (print_body(s->body, depth, out))
			fputc('\n', out);
		break;
	case STMT_FOR:
		fputs("for (", out);
		if (s->init)
			print_expr(s->init->expr, true, out);
		fputs(s->expr ? "; " : ";", out);
		if (s->expr)
			print_expr(s->expr, true, out);
		fputs(s->step ? "; " : ";", out);
		if (s->step)
			print_expr(s->step->expr, true, out);
		fputc(')', out);
		if (print_body(s->body, depth, out))
			fputc('\n', out);
		break;
	case STMT_FOREACH:
		print_foreach(s, depth, out);
		break;
	case STMT_TRY:
		fputs("try", out);
		print_body(s->body, depth, out);
		fputs(" catch", out);
		if (s->expr)
			fprintf(out, " (%s)", s->expr->name);
		print_body(s->else_body, depth, out);
		fputc('\n', out);
		break;
	case STMT_BREAK:
		fputs("break;\n", out);
		break;
	case STMT_CONTINUE:
		fputs("continue;\n", out);
		break;
	case STMT_NEXT:
		fputs("next;\n", out);
		break;
	case STMT_RETURN:
		fputs("return", out);
		if (s->expr) {
			fputc(' ', out);
			print_expr(s->expr, true, out);
		}
		fputs(";\n", out);
		break;
	case STMT_DELETE:
		fputs("delete ", out);
		print_expr(s->expr, true, out);
		fputs(";\n", out);
		break;
	case STMT_EMPTY:
		fputs(";\n", out);
		break;
	}
}

/* A probe's or a function's block, its braces on the header's line. */
static void print_handler_body(const struct stmt *body, FILE *out)
{
	fputs(" {\n", out);
	if (body)
		print_stmts(body->body, 1, out);
	fputs("}\n", out);
}

static const char *type_suffix(enum type t)
{
	return t == TYPE_LONG ? ":long" : t == TYPE_STRING ? ":string" : "";
}

static void print_points(const struct probe_point *points, FILE *out)
{
	for (const struct probe_point *pp = points; pp; pp = pp->next) {
		fprintf(out, "%s%s%s", pp == points ? "" : ", ", pp->text,
			pp->sufficient ? "!" : pp->optional ? "?" : "");
		if (pp->cond) {
			fputs(" if (", out);
			print_expr(pp->cond, true, out);
			fputc(')', out);
		}
	}
}

void ast_print(const struct script *s, FILE *out)
{
	bool first = true;

	for (const struct expr *e = s->embedded; e; e = e->next) {
		fprintf(out, "%%{%s%%}\n", e->str);
		first = false;
	}
	for (const struct global *g = s->globals; g; g = g->next) {
		fprintf(out, "%sglobal %s%s", g->is_private ? "private " : "", g->name,
			g->wrap ? "%" : "");
		if (g->is_array_decl)
			fprintf(out, "[%" PRId64 "]", g->size);
		if (g->init && g->init->kind == EXPR_STR) {
			fputs(" = ", out);
			ast_print_string(g->init->str, g->init->str_len, out);
		} else if (g->init) {
			fprintf(out, " = %" PRId64, g->init->num);
		}
		fputc('\n', out);
		first = false;
	}
	for (const struct func *f = s->funcs; f; f = f->next) {
		if (!first)
			fputc('\n', out);
		first = false;
		fprintf(out, "%sfunction %s%s(", f->is_private ? "private " : "", f->name,
			type_suffix(f->declared));
		for (const struct param *p = f->params; p; p = p->next)
			fprintf(out, "%s%s%s", p == f->params ? "" : ", ", p->name,
				type_suffix(p->declared));
		fputc(')', out);
		if (f->embedded)
			fprintf(out, " %%{%s%%}\n", f->embedded);
		else
			print_handler_body(f->body, out);
	}
	for (const struct alias *al = s->aliases; al; al = al->next) {
		if (!first)
			fputc('\n', out);
		first = false;
		fprintf(out, "probe %s %s ", al->text, al->epilogue ? "+=" : "=");
		print_points(al->points, out);
		print_handler_body(al->body, out);
	}
	for (const struct probe *p = s->probes; p; p = p->next) {
		if (!first)
			fputc('\n', out);
		first = false;
		fputs("probe ", out);
		print_points(p->points, out);
		print_handler_body(p->body, out);
	}
}

const char *ast_pp_text(struct arena *a, const struct pp_comp *comps)
{
	char *text;
	size_t size;
	FILE *f = open_memstream(&text, &size);
	if (!f) {
		perror("uscript: open_memstream");
		abort();
	}
	for (const struct pp_comp *c = comps; c; c = c->next) {
		fprintf(f, "%s%s", c == comps ? "" : ".", c->name);
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
	const char *t = arena_strndup(a, text, size);
	free(text);
	return t;
}

static struct expr *clone_expr(struct arena *a, const struct expr *e)
{
	if (!e)
		return NULL;
	struct expr *c = arena_alloc(a, sizeof(*c));
	*c = *e;
	c->next = NULL;
	c->args = ast_clone_exprs(a, e->args);
	c->lhs = clone_expr(a, e->lhs);
	c->rhs = clone_expr(a, e->rhs);
	c->cond = clone_expr(a, e->cond);
	struct target_suffix **tail = &c->suffix;
	for (const struct target_suffix *s = e->suffix; s; s = s->next) {
		struct target_suffix *n = arena_alloc(a, sizeof(*n));
		*n = *s;
		n->next = NULL;
		n->index = clone_expr(a, s->index);
		*tail = n;
		tail = &n->next;
	}
	return c;
}

struct expr *ast_clone_exprs(struct arena *a, const struct expr *list)
{
	struct expr *head = NULL, **tail = &head;
	for (const struct expr *e = list; e; e = e->next) {
		*tail = clone_expr(a, e);
		tail = &(*tail)->next;
	}
	return head;
}

static struct stmt *clone_stmt(struct arena *a, const struct stmt *s)
{
	if (!s)
		return NULL;
	struct stmt *c = arena_alloc(a, sizeof(*c));
	*c = *s;
	c->next = NULL;
	c->expr = clone_expr(a, s->expr);
	c->body = ast_clone_stmts(a, s->body);
	c->else_body = ast_clone_stmts(a, s->else_body);
	c->init = clone_stmt(a, s->init);
	c->step = clone_stmt(a, s->step);
	if (s->foreach) {
		/* Names and locations are only read: the arrays are shared. */
		struct foreach *f = arena_alloc(a, sizeof(*f));
		*f = *s->foreach;
		f->limit = clone_expr(a, s->foreach->limit);
		f->slice = ast_clone_exprs(a, s->foreach->slice);
		f->value_sym = f->array_sym = NULL;
		f->key_syms = NULL;
		c->foreach = f;
	}
	return c;
}

struct stmt *ast_clone_stmts(struct arena *a, const struct stmt *list)
{
	struct stmt *head = NULL, **tail = &head;
	for (const struct stmt *s = list; s; s = s->next) {
		*tail = clone_stmt(a, s);
		tail = &(*tail)->next;
	}
	return head;
}
