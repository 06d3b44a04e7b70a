<?php
/**
 * The attributes the block and the shortcode share, validated. Anything that does not pass is
 * left out of the markup and named in the problems an editor sees.
 *
 * @package NewsroomWidgets
 */

defined( 'ABSPATH' ) || exit;

/*
 * The rules the block editor applies too (editor/rules.ts): test/wordpress/rules.test.ts reads
 * these as text and compares them with the editor's and the schema's.
 */
/** Characters no src may hold. */
define( 'NEWSROOM_WIDGETS_SRC_FORBIDDEN', '/[\s<>"\'`\\\\]/' );
/** An actor's or stance's id: the schema's slug. */
define( 'NEWSROOM_WIDGETS_SLUG', '/^[a-z0-9]+(-[a-z0-9]+)*$/' );
/** A language tag, loosely: the schema's LANGUAGE_TAG. */
define( 'NEWSROOM_WIDGETS_LANGUAGE_TAG', '/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/' );
/** A citation label: the schema's SOURCE_ID_PATTERN. */
define( 'NEWSROOM_WIDGETS_CITATION_LABEL', '/^[1-9]\d{0,3}$/' );

/** The elements a block or shortcode may show (nw-cite has its own shortcode): block.json's enum. */
function newsroom_widgets_elements() {
	return array( 'nw-analysis', 'nw-summary', 'nw-stance-card', 'nw-stances', 'nw-source-list', 'nw-timeline' );
}

/**
 * An analysis address the browser may fetch: absolute http(s), or a path on this site ("/…").
 * Not wp_http_validate_url(): that guards requests the server makes (it refuses private hosts
 * such as an intranet's and ports other than 80, 443 and 8080); the reader's browser fetches this.
 *
 * @param string $src The address as written.
 * @return string The address, or '' when it is not one.
 */
function newsroom_widgets_clean_src( $src ) {
	$src = trim( (string) $src );
	if ( '' === $src || preg_match( NEWSROOM_WIDGETS_SRC_FORBIDDEN, $src ) ) {
		return '';
	}
	if ( '/' === $src[0] && ( ! isset( $src[1] ) || '/' !== $src[1] ) ) {
		return esc_url_raw( $src ) === $src ? $src : '';
	}
	$parts = wp_parse_url( $src );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] )
		|| ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	return esc_url_raw( $src, array( 'http', 'https' ) );
}

/**
 * Validates the shared attributes.
 *
 * @param array $raw element, src, actor, stance, theme, lang (strings), jsonLd (bool).
 * @return array { attrs: array<string,string>, json_ld: bool, problems: string[] }
 */
function newsroom_widgets_clean_attributes( $raw ) {
	$raw      = is_array( $raw ) ? $raw : array();
	$get      = function ( $key ) use ( $raw ) {
		return isset( $raw[ $key ] ) && is_scalar( $raw[ $key ] ) ? trim( (string) $raw[ $key ] ) : '';
	};
	$attrs    = array();
	$problems = array();

	$element = $get( 'element' );
	if ( '' === $element ) {
		$element = 'nw-analysis';
	}
	if ( ! in_array( $element, newsroom_widgets_elements(), true ) ) {
		/* translators: 1: the value written, 2: the allowed values. */
		$problems[] = sprintf( __( 'element "%1$s" is not one of %2$s.', 'newsroom-widgets' ), $element, implode( ', ', newsroom_widgets_elements() ) );
		$element    = '';
	}

	$src = $get( 'src' );
	if ( '' === $src ) {
		$problems[] = __( 'src is missing: give the address of the analysis JSON.', 'newsroom-widgets' );
	} elseif ( '' === ( $attrs['src'] = newsroom_widgets_clean_src( $src ) ) ) {
		unset( $attrs['src'] );
		$problems[] = __( 'src must be an http:// or https:// address, or a path on this site starting with "/".', 'newsroom-widgets' );
	}

	$bad_id = false; // An actor or stance was written but refused.
	foreach ( array( 'actor', 'stance' ) as $key ) {
		$value = $get( $key );
		if ( '' === $value ) {
			continue;
		}
		if ( 'nw-stance-card' !== $element ) {
			continue; // Only stance cards select; the others show every actor.
		}
		if ( preg_match( NEWSROOM_WIDGETS_SLUG, $value ) && strlen( $value ) <= 80 ) {
			$attrs[ $key ] = $value;
		} else {
			$bad_id = true;
			/* translators: 1: attribute name, 2: the value written. */
			$problems[] = sprintf( __( '%1$s "%2$s" is not an id from the analysis (lowercase letters, digits and hyphens).', 'newsroom-widgets' ), $key, $value );
		}
	}
	if ( 'nw-stance-card' === $element && empty( $attrs['actor'] ) && empty( $attrs['stance'] ) && ! $bad_id ) {
		$problems[] = __( 'a stance card needs an actor (or a stance): choose one.', 'newsroom-widgets' );
	}

	$theme = $get( 'theme' );
	if ( in_array( $theme, array( 'light', 'dark', 'auto' ), true ) ) {
		$attrs['theme'] = $theme;
	} elseif ( '' !== $theme ) {
		/* translators: %s: the value written. */
		$problems[] = sprintf( __( 'theme "%s" is not light, dark or auto.', 'newsroom-widgets' ), $theme );
	}

	$lang = $get( 'lang' );
	if ( preg_match( NEWSROOM_WIDGETS_LANGUAGE_TAG, $lang ) ) {
		$attrs['lang'] = $lang;
	} elseif ( '' !== $lang ) {
		/* translators: %s: the value written. */
		$problems[] = sprintf( __( 'lang "%s" is not a language tag like "en" or "es-MX".', 'newsroom-widgets' ), $lang );
	}

	$json_ld = isset( $raw['jsonLd'] ) && ( true === $raw['jsonLd'] || in_array( strtolower( (string) $raw['jsonLd'] ), array( '1', 'true', 'yes' ), true ) );

	return array(
		'element'  => $element,
		'attrs'    => $attrs,
		'json_ld'  => $json_ld,
		'problems' => $problems,
	);
}
