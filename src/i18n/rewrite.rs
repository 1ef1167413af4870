//! Plural selects rewritten before a message reaches fluent-bundle: `{ $n -> [one] … }` selects
//! on `NASHRA_PLURAL($n)`, whose CLDR category comes from ICU4X (fluent-bundle's own rules are
//! wrong for Arabic from 103 on); exact number variants (`[0]`) still win first.

use fluent_syntax::ast;

type S<'a> = &'a str;

pub(super) fn rewrite_entry(entry: ast::Entry<S<'_>>) -> ast::Entry<S<'_>> {
    match entry {
        ast::Entry::Message(mut m) => {
            m.value = m.value.map(rewrite_pattern);
            m.attributes = m
                .attributes
                .into_iter()
                .map(|mut a| {
                    a.value = rewrite_pattern(a.value);
                    a
                })
                .collect();
            m.comment = None;
            ast::Entry::Message(m)
        }
        ast::Entry::Term(mut t) => {
            t.value = rewrite_pattern(t.value);
            t.comment = None;
            ast::Entry::Term(t)
        }
        other => other,
    }
}

fn rewrite_pattern(p: ast::Pattern<S<'_>>) -> ast::Pattern<S<'_>> {
    ast::Pattern {
        elements: p
            .elements
            .into_iter()
            .map(|e| match e {
                ast::PatternElement::Placeable { expression } => ast::PatternElement::Placeable {
                    expression: rewrite_expression(expression),
                },
                t => t,
            })
            .collect(),
    }
}

fn is_plural_selector(sel: &ast::InlineExpression<S<'_>>) -> bool {
    match sel {
        ast::InlineExpression::VariableReference { .. } => true,
        ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    }
}

fn rewrite_expression(e: ast::Expression<S<'_>>) -> ast::Expression<S<'_>> {
    let ast::Expression::Select { selector, variants } = e else {
        return e;
    };
    let variants: Vec<ast::Variant<S<'_>>> = variants
        .into_iter()
        .map(|mut v| {
            v.value = rewrite_pattern(v.value);
            v
        })
        .collect();
    let default_is_number = variants
        .iter()
        .any(|v| v.default && matches!(v.key, ast::VariantKey::NumberLiteral { .. }));
    if !is_plural_selector(&selector) || default_is_number {
        return ast::Expression::Select { selector, variants };
    }
    let (numeric, named): (Vec<_>, Vec<_>) = variants
        .into_iter()
        .partition(|v| matches!(v.key, ast::VariantKey::NumberLiteral { .. }));
    fn category_select<'s>(
        selector: ast::InlineExpression<S<'s>>,
        named: Vec<ast::Variant<S<'s>>>,
    ) -> ast::Expression<S<'s>> {
        ast::Expression::Select {
            selector: ast::InlineExpression::FunctionReference {
                id: ast::Identifier {
                    name: "NASHRA_PLURAL",
                },
                arguments: ast::CallArguments {
                    positional: vec![selector],
                    named: vec![],
                },
            },
            variants: named,
        }
    }
    if numeric.is_empty() {
        return category_select(selector, named);
    }
    // { $n -> [0] … *[other] { NASHRA_PLURAL($n) -> [one] … *[other] … } }
    let mut outer = numeric;
    outer.push(ast::Variant {
        key: ast::VariantKey::Identifier { name: "other" },
        value: ast::Pattern {
            elements: vec![ast::PatternElement::Placeable {
                expression: category_select(selector.clone(), named),
            }],
        },
        default: true,
    });
    ast::Expression::Select {
        selector,
        variants: outer,
    }
}
