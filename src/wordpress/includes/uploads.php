<?php
/**
 * Analysis JSON in the media library. WordPress allows no .json upload by default; this allows
 * it for people who may upload files, and only for files that are an analysis (JSON whose
 * schemaVersion is 1). Where something else already allows .json, its uploads are left alone. The browser validates the rest when a widget shows it. Files keep the
 * .json extension, which web servers serve as application/json.
 *
 * @package NewsroomWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Largest analysis accepted (the library's own limits keep real ones far below). */
define( 'NEWSROOM_WIDGETS_MAX_JSON_BYTES', 5 * 1024 * 1024 );

/**
 * upload_mimes: .json as application/json, for users with upload_files, when nothing allowed
 * .json before this filter (and, on multisite, when the network's upload file types list json). Remembers whether it added it (see newsroom_widgets_json_is_ours()).
 *
 * @param array        $mimes Extension regex => MIME type.
 * @param int|WP_User  $user  The user, when WordPress names one.
 * @return array
 */
function newsroom_widgets_upload_mimes( $mimes, $user = null ) {
	$can  = $user ? user_can( $user, 'upload_files' ) : current_user_can( 'upload_files' );
	$ours = $can && ! newsroom_widgets_mimes_allow_json( $mimes ) && newsroom_widgets_network_allows_json();
	if ( $ours ) {
		$mimes['json'] = 'application/json';
	}
	newsroom_widgets_json_is_ours( $ours );
	return $mimes;
}

/**
 * On multisite, whether the network's "Upload file types" (Network Admin → Settings) lists json:
 * the network decides, as WordPress's check_upload_mimes() does for every other type. Always true
 * on a single site.
 *
 * @return bool
 */
function newsroom_widgets_network_allows_json() {
	if ( ! is_multisite() ) {
		return true;
	}
	$types = preg_split( '/[\s,]+/', strtolower( (string) get_site_option( 'upload_filetypes', 'jpg jpeg png gif' ) ) );
	return in_array( 'json', $types, true );
}

/**
 * Whether a list of allowed types (extension regex => MIME type, as upload_mimes has it) takes
 * .json, matched as wp_check_filetype() matches extensions.
 *
 * @param array $mimes Extension regex => MIME type.
 * @return bool
 */
function newsroom_widgets_mimes_allow_json( $mimes ) {
	foreach ( (array) $mimes as $pattern => $type ) {
		if ( preg_match( '!^(' . $pattern . ')$!i', 'json' ) ) {
			return true;
		}
	}
	return false;
}

/**
 * Whether .json is allowed because of this plugin: the last upload_mimes filtering added it (it
 * was not allowed before), or, with $set, remembers that.
 *
 * @param bool|null $set What newsroom_widgets_upload_mimes() did.
 * @return bool
 */
function newsroom_widgets_json_is_ours( $set = null ) {
	static $ours = false;
	if ( null !== $set ) {
		$ours = (bool) $set;
	}
	return $ours;
}

/**
 * Whether the current user may upload .json because of this plugin, and still may once every
 * upload_mimes filter has run (a later one may have removed it). Otherwise .json uploads are
 * none of this plugin's business: refused by WordPress, or another plugin's to check.
 *
 * @return bool
 */
function newsroom_widgets_json_allowed_by_plugin() {
	$mimes = get_allowed_mime_types(); // Runs upload_mimes for the current user: sets what is ours.
	return newsroom_widgets_json_is_ours() && newsroom_widgets_mimes_allow_json( $mimes );
}

/**
 * Whether a file is an analysis document: JSON, an object, schemaVersion 1.
 *
 * @param string $path File path.
 * @return true|string True, or why not.
 */
function newsroom_widgets_is_analysis_file( $path ) {
	$size = @filesize( $path ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
	if ( false === $size || $size > NEWSROOM_WIDGETS_MAX_JSON_BYTES ) {
		return __( 'An analysis JSON file may be at most 5 MB.', 'newsroom-widgets' );
	}
	$text = file_get_contents( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	$data = is_string( $text ) ? json_decode( $text, true, 64 ) : null;
	if ( ! is_array( $data ) || newsroom_widgets_array_is_list( $data ) ) {
		return __( 'This .json file is not valid JSON with an object at the top, so it is not an analysis.', 'newsroom-widgets' );
	}
	if ( ! isset( $data['schemaVersion'] ) || 1 !== $data['schemaVersion'] ) {
		return __( 'This JSON is not a newsroom-widgets analysis: it needs "schemaVersion": 1.', 'newsroom-widgets' );
	}
	return true;
}

/**
 * array_is_list() is PHP 8.1; this plugin asks for 7.4.
 *
 * @param array $value The array.
 * @return bool
 */
function newsroom_widgets_array_is_list( $value ) {
	return array() === $value || array_keys( $value ) === range( 0, count( $value ) - 1 );
}

/**
 * wp_check_filetype_and_ext: keep .json as application/json when fileinfo calls the file
 * text/plain (older libmagic does; WordPress then refuses it) and the file is an analysis. Only
 * when fileinfo's own type is text/plain or application/json, when the list the check used (if
 * one was given) takes .json, and when .json is still allowed for the current user after every
 * upload_mimes filter (a later filter or a security plugin that removes it wins).
 *
 * @param array        $data      ext, type, proper_filename.
 * @param string       $file      Temporary path.
 * @param string       $filename  Name as uploaded.
 * @param array|null   $mimes     The allowed types the check used, or null (then WordPress's).
 * @param string|false $real_mime fileinfo's type of the file, or false.
 * @return array
 */
function newsroom_widgets_check_filetype( $data, $file, $filename, $mimes = null, $real_mime = false ) {
	if ( ! empty( $data['ext'] ) || ! preg_match( '/\.json$/i', (string) $filename )
		|| ! in_array( $real_mime, array( 'text/plain', 'application/json' ), true ) ) {
		return $data;
	}
	if ( ( is_array( $mimes ) && ! newsroom_widgets_mimes_allow_json( $mimes ) )
		|| ! in_array( 'application/json', get_allowed_mime_types(), true ) ) {
		return $data;
	}
	if ( true === newsroom_widgets_is_analysis_file( $file ) ) {
		$data['ext']  = 'json';
		$data['type'] = 'application/json';
	}
	return $data;
}

/**
 * wp_handle_upload_prefilter / wp_handle_sideload_prefilter (the REST API's path): a .json
 * upload that this plugin allowed must be an analysis. JSON some other plugin (or the site)
 * allows is left alone.
 *
 * @param array $file name, tmp_name, … as in $_FILES.
 * @return array The same, with 'error' set when refused.
 */
function newsroom_widgets_check_upload( $file ) {
	if ( empty( $file['error'] ) && isset( $file['name'], $file['tmp_name'] ) && preg_match( '/\.json$/i', (string) $file['name'] )
		&& newsroom_widgets_json_allowed_by_plugin() ) {
		$ok = newsroom_widgets_is_analysis_file( $file['tmp_name'] );
		if ( true !== $ok ) {
			$file['error'] = $ok;
		}
	}
	return $file;
}
