<?php
/**
 * Plugin Name:       Newsroom Widgets
 * Description:       Structured news analyses as accessible widgets: a "Newsroom widget" block, the [newsroom_widget] and [newsroom_cite] shortcodes, and analysis JSON in the media library. Works for Authors and Contributors.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            newsroom-widgets
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       newsroom-widgets
 *
 * @package NewsroomWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'NEWSROOM_WIDGETS_VERSION', '0.1.0' );
define( 'NEWSROOM_WIDGETS_FILE', __FILE__ );

require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/uploads.php';

/**
 * The library (its classic-script build, shipped in this plugin: no third-party CDN), the
 * JSON-LD helper, and the block with its editor script (whose asset file depends on the library,
 * so the editor shows the real elements).
 */
function newsroom_widgets_register() {
	wp_register_script(
		'newsroom-widgets',
		plugins_url( 'assets/newsroom-widgets.classic.js', __FILE__ ),
		array(),
		NEWSROOM_WIDGETS_VERSION,
		false // In <head>: the elements exist before the first paint and reserve their height.
	);
	wp_register_script(
		'newsroom-widgets-json-ld',
		plugins_url( 'build/json-ld.js', __FILE__ ),
		array(),
		NEWSROOM_WIDGETS_VERSION,
		false
	);
	register_block_type( __DIR__, array( 'render_callback' => 'newsroom_widgets_render_block' ) );
	add_shortcode( 'newsroom_widget', 'newsroom_widgets_shortcode' );
	add_shortcode( 'newsroom_cite', 'newsroom_widgets_cite_shortcode' );
}
add_action( 'init', 'newsroom_widgets_register' );

add_action( 'wp_enqueue_scripts', 'newsroom_widgets_enqueue_for_query' );
add_filter( 'upload_mimes', 'newsroom_widgets_upload_mimes', 10, 2 );
add_filter( 'wp_check_filetype_and_ext', 'newsroom_widgets_check_filetype', 10, 5 );
add_filter( 'wp_handle_upload_prefilter', 'newsroom_widgets_check_upload' );
add_filter( 'wp_handle_sideload_prefilter', 'newsroom_widgets_check_upload' );
