<?php
/**
 * Markup made at render time, from validated attributes, so kses never sees it: the block
 * comment and the shortcodes are what a post stores, for every role.
 *
 * @package NewsroomWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's markup, or (when an attribute is wrong) a note for people who may edit the post
 * and nothing but an HTML comment for readers.
 *
 * @param array  $raw     Attributes as stored (block) or written (shortcode).
 * @param string $wrapper The wrapper's attributes, already escaped.
 * @return string HTML.
 */
function newsroom_widgets_markup( $raw, $wrapper ) {
	$clean = newsroom_widgets_clean_attributes( $raw );
	if ( $clean['problems'] ) {
		return newsroom_widgets_problem_note( $clean['problems'] );
	}
	wp_enqueue_script( 'newsroom-widgets' ); // Already in <head> when the page was known to need it.
	$attributes = '';
	foreach ( $clean['attrs'] as $name => $value ) {
		$attributes .= ' ' . $name . '="' . ( 'src' === $name ? esc_url( $value, array( 'http', 'https' ) ) : esc_attr( $value ) ) . '"';
	}
	if ( $clean['json_ld'] ) {
		wp_enqueue_script( 'newsroom-widgets-json-ld' );
		$url = get_permalink();
		if ( $url ) {
			$wrapper .= ' data-nw-json-ld="' . esc_url( $url ) . '"';
		}
	}
	// The element is one of a fixed list, so it is safe as a tag name.
	return '<div ' . $wrapper . '><' . $clean['element'] . $attributes . '></' . $clean['element'] . '></div>';
}

/**
 * What is wrong, for people who may edit the post; an HTML comment for everyone else, and also
 * where there is no post (a widget area, a template): no one there is known to edit it.
 *
 * @param string[] $problems Sentences.
 * @param bool     $inline   In running text (a citation in a paragraph): a <span>, not a <div>.
 * @return string HTML.
 */
function newsroom_widgets_problem_note( $problems, $inline = false ) {
	$post_id = get_the_ID();
	if ( ! $post_id || ! current_user_can( 'edit_post', $post_id ) ) {
		return '<!-- newsroom-widgets: this widget is not shown; an editor of the post can see why. -->';
	}
	$style = 'border:2px solid #b32d2e;padding:.5em 1em;margin:1em 0';
	if ( $inline ) {
		return '<span class="newsroom-widgets-problem" role="note" style="' . $style . ';display:inline-block">'
			. '<strong>' . esc_html__( 'Only people who can edit this post see this:', 'newsroom-widgets' ) . '</strong> '
			. esc_html( implode( ' ', $problems ) ) . '</span>';
	}
	$items = '';
	foreach ( $problems as $problem ) {
		$items .= '<li>' . esc_html( $problem ) . '</li>';
	}
	return '<div class="newsroom-widgets-problem" role="note" style="' . $style . '">'
		. '<p><strong>' . esc_html__( 'Newsroom widget not shown (only people who can edit this post see this):', 'newsroom-widgets' ) . '</strong></p>'
		. '<ul>' . $items . '</ul></div>';
}

/**
 * The block's render_callback.
 *
 * @param array $attributes The block's attributes.
 * @return string HTML.
 */
function newsroom_widgets_render_block( $attributes ) {
	return newsroom_widgets_markup( $attributes, get_block_wrapper_attributes( array( 'class' => 'newsroom-widgets' ) ) );
}

/**
 * [newsroom_widget element="nw-stance-card" src="…" actor="…" theme="…" lang="…" jsonld="true"]
 *
 * @param array|string $atts Shortcode attributes (names lowercased by WordPress).
 * @return string HTML.
 */
function newsroom_widgets_shortcode( $atts ) {
	return newsroom_widgets_markup( newsroom_widgets_shortcode_atts( $atts ), 'class="newsroom-widgets"' );
}

/**
 * A [newsroom_widget]'s attributes as the block has them: shortcode_atts() with the block's names
 * (so the shortcode_atts_newsroom_widget filter applies), and jsonld (lowercased by WordPress)
 * as jsonLd.
 *
 * @param array|string $atts Shortcode attributes as WordPress parsed them.
 * @return array
 */
function newsroom_widgets_shortcode_atts( $atts ) {
	$atts = shortcode_atts(
		array(
			'element' => '',
			'src'     => '',
			'actor'   => '',
			'stance'  => '',
			'theme'   => '',
			'lang'    => '',
			'jsonld'  => '',
		),
		is_array( $atts ) ? $atts : array(),
		'newsroom_widget'
	);
	$atts['jsonLd'] = $atts['jsonld'];
	unset( $atts['jsonld'] );
	return $atts;
}

/**
 * [newsroom_cite source="3"] in the post's own text: an nw-cite marker resolved against the
 * post's analysis (the src of its first widget), or against src="…" when given.
 *
 * @param array|string $atts Shortcode attributes.
 * @return string HTML.
 */
function newsroom_widgets_cite_shortcode( $atts ) {
	$atts   = shortcode_atts(
		array(
			'source' => '',
			'src'    => null, // Absent: the post's analysis.
		),
		is_array( $atts ) ? $atts : array(),
		'newsroom_cite'
	);
	$source = trim( (string) $atts['source'] );
	if ( ! preg_match( NEWSROOM_WIDGETS_CITATION_LABEL, $source ) ) {
		/* translators: %s: the value written. */
		return newsroom_widgets_problem_note( array( sprintf( __( 'newsroom_cite: source "%s" must be a citation label like "3".', 'newsroom-widgets' ), $source ) ), true );
	}
	$given = isset( $atts['src'] );
	$src   = $given ? newsroom_widgets_clean_src( $atts['src'] ) : newsroom_widgets_post_analysis( get_post() );
	if ( '' === $src ) {
		// Readers still see the citation as written; the editor sees why it is not a marker.
		$problem = $given
			/* translators: %s: the value written. */
			? sprintf( __( 'newsroom_cite: src "%s" is not valid: it must be an http:// or https:// address, or a path on this site starting with "/".', 'newsroom-widgets' ), (string) $atts['src'] )
			: __( 'newsroom_cite: this post has no Newsroom widget with an analysis to cite from (or add src="…").', 'newsroom-widgets' );
		$note    = newsroom_widgets_problem_note( array( $problem ), true );
		return '[' . esc_html( $source ) . ']' . ( 0 === strpos( $note, '<!--' ) ? '' : $note );
	}
	wp_enqueue_script( 'newsroom-widgets' );
	return '<nw-cite source="' . esc_attr( $source ) . '" src="' . esc_url( $src, array( 'http', 'https' ) ) . '"></nw-cite>';
}

/**
 * The widget blocks and shortcodes of a post's content, in the order they appear on the page
 * (blocks and shortcodes mixed), as raw attribute arrays.
 *
 * @param string $content Post content.
 * @return array[]
 */
function newsroom_widgets_find( $content ) {
	$found = array(); // array( offset in $content, sequence, attributes ), sorted below.
	if ( false !== strpos( $content, '<!-- wp:newsroom-widgets/widget' ) ) {
		$blocks = array();
		$walk   = function ( $list ) use ( &$walk, &$blocks ) {
			foreach ( $list as $block ) {
				if ( 'newsroom-widgets/widget' === $block['blockName'] ) {
					$blocks[] = $block['attrs'];
				}
				if ( ! empty( $block['innerBlocks'] ) ) {
					$walk( $block['innerBlocks'] );
				}
			}
		};
		$walk( parse_blocks( $content ) );
		// parse_blocks() gives no offsets. Its blocks, walked parent first, are in the order of
		// their opening delimiters; those are found with its tokenizer's own regex (WP_Block_Parser::
		// next_token(), scanned the same way, left to right), so the k-th widget block opens at the
		// k-th widget opener.
		$offsets = array();
		preg_match_all(
			'/<!--\s+(?P<closer>\/)?wp:(?P<namespace>[a-z][a-z0-9_-]*\/)?(?P<name>[a-z][a-z0-9_-]*)\s+(?P<attrs>{(?:(?:[^}]+|}+(?=})|(?!}\s+\/?-->).)*+)?}\s+)?(?P<void>\/)?-->/s',
			$content,
			$tokens,
			PREG_SET_ORDER | PREG_OFFSET_CAPTURE
		);
		foreach ( $tokens as $token ) {
			$closer    = isset( $token['closer'] ) && -1 !== $token['closer'][1];
			$namespace = isset( $token['namespace'] ) && -1 !== $token['namespace'][1] ? $token['namespace'][0] : 'core/';
			if ( ! $closer && 'newsroom-widgets/widget' === $namespace . $token['name'][0] ) {
				$offsets[] = $token[0][1];
			}
		}
		foreach ( $blocks as $i => $attrs ) {
			$found[] = array( isset( $offsets[ $i ] ) ? $offsets[ $i ] : strlen( $content ), count( $found ), $attrs );
		}
	}
	if ( false !== strpos( $content, '[newsroom_widget' ) && preg_match_all( '/' . get_shortcode_regex( array( 'newsroom_widget' ) ) . '/', $content, $matches, PREG_SET_ORDER | PREG_OFFSET_CAPTURE ) ) {
		foreach ( $matches as $match ) {
			if ( '[' !== $match[1][0] ) { // Not [[escaped]].
				$found[] = array( $match[0][1], count( $found ), newsroom_widgets_shortcode_atts( shortcode_parse_atts( $match[3][0] ) ) );
			}
		}
	}
	usort(
		$found,
		function ( $a, $b ) {
			return $a[0] === $b[0] ? $a[1] - $b[1] : $a[0] - $b[0];
		}
	);
	return array_map(
		function ( $entry ) {
			return $entry[2];
		},
		$found
	);
}

/**
 * The analysis address a post's citations resolve against: its first widget's src.
 *
 * @param WP_Post|null $post The post.
 * @return string The address, or ''.
 */
function newsroom_widgets_post_analysis( $post ) {
	static $cache = array();
	if ( ! $post ) {
		return '';
	}
	if ( ! isset( $cache[ $post->ID ] ) ) {
		$cache[ $post->ID ] = '';
		foreach ( newsroom_widgets_find( $post->post_content ) as $atts ) {
			$src = isset( $atts['src'] ) ? newsroom_widgets_clean_src( $atts['src'] ) : '';
			if ( '' !== $src ) {
				$cache[ $post->ID ] = $src;
				break;
			}
		}
	}
	return $cache[ $post->ID ];
}

/**
 * On wp_enqueue_scripts: the library in <head>, once, only when a post of this page shows a
 * widget or a citation (so nothing below a widget moves when it renders, and pages without
 * widgets load nothing); the JSON-LD helper only when a widget asks for it.
 */
function newsroom_widgets_enqueue_for_query() {
	global $wp_query;
	$posts = ( $wp_query instanceof WP_Query && is_array( $wp_query->posts ) ) ? $wp_query->posts : array();
	foreach ( $posts as $post ) {
		if ( ! $post instanceof WP_Post ) {
			continue;
		}
		$content = $post->post_content;
		$widgets = newsroom_widgets_find( $content );
		// A citation needs the script only when it has an analysis: a widget's, or its own src.
		if ( $widgets || ( has_shortcode( $content, 'newsroom_cite' ) && preg_match( '/\[newsroom_cite\s[^\]]*\bsrc=/', $content ) ) ) {
			wp_enqueue_script( 'newsroom-widgets' );
		}
		foreach ( $widgets as $atts ) {
			if ( newsroom_widgets_clean_attributes( $atts )['json_ld'] ) {
				wp_enqueue_script( 'newsroom-widgets-json-ld' );
			}
		}
	}
}
