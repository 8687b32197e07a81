# macOS: Tandem.app (with tandemctl and tandem-server inside), the Qt runtime deployed by macdeployqt,
# signed with the keychain entitlement, in a drag-and-drop DMG (CPack DragNDrop).
# Written for macOS 12+ with Qt 6.4+ (Homebrew or the Qt installer), Xcode's command line tools and
# Homebrew's sqlcipher and libsodium; NOT built or tested: the project is developed on Debian.
# See packaging/README.md.
#
#   cmake --preset default -B build/mac -DTANDEM_MACOS_SIGN_IDENTITY="Developer ID Application: …"
#   cmake --build build/mac
#   cpack --config build/mac/CPackConfig.cmake                -> Tandem-<version>.dmg
#
# Included by packaging/CMakeLists.txt in place of the Linux install(TARGETS) rules.

set(TANDEM_MACOS_SIGN_IDENTITY "" CACHE STRING
  "codesign identity for Tandem.app (empty: ad-hoc signature without entitlements, for local use only)")
set(TANDEM_MACOS_TEAM_ID "" CACHE STRING "Apple team id, the prefix of the keychain access group")

if(TANDEM_BUILD_APP)
  # The bundle: Info.plist from our template, the icon made from the rendered PNGs with iconutil.
  set_target_properties(tandem PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME Tandem
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${TANDEM_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME Tandem
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE Tandem.icns
    MACOSX_BUNDLE_COPYRIGHT "The Tandem developers")

  set(iconset ${CMAKE_CURRENT_BINARY_DIR}/Tandem.iconset)
  set(icns ${CMAKE_CURRENT_BINARY_DIR}/Tandem.icns)
  set(icons ${CMAKE_CURRENT_BINARY_DIR}/icons)
  add_custom_command(OUTPUT ${icns}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/16.png ${iconset}/icon_16x16.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/32.png ${iconset}/icon_16x16@2x.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/32.png ${iconset}/icon_32x32.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/64.png ${iconset}/icon_32x32@2x.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/128.png ${iconset}/icon_128x128.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/256.png ${iconset}/icon_128x128@2x.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/256.png ${iconset}/icon_256x256.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/512.png ${iconset}/icon_256x256@2x.png
    COMMAND ${CMAKE_COMMAND} -E copy ${icons}/512.png ${iconset}/icon_512x512.png
    COMMAND iconutil -c icns -o ${icns} ${iconset}
    DEPENDS tandem_icons VERBATIM)
  target_sources(tandem PRIVATE ${icns})
  set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

  install(TARGETS tandem BUNDLE DESTINATION . COMPONENT app)
  # Beside the app's own binary: the demo starts tandem-server from the app's folder.
  install(TARGETS tandemctl tandem-server RUNTIME DESTINATION Tandem.app/Contents/MacOS COMPONENT app)

  # macdeployqt: Qt frameworks, plugins and the QML modules the UI imports (scanned from qml/), and the
  # non-Qt dylibs (SQLCipher, libsodium, OpenSSL, QtKeychain) copied into Contents/Frameworks with
  # their install names rewritten, for the app and the two command-line programs.
  get_target_property(tandem_qmake Qt6::qmake IMPORTED_LOCATION)
  get_filename_component(tandem_qt_bin ${tandem_qmake} DIRECTORY)
  find_program(TANDEM_MACDEPLOYQT macdeployqt HINTS ${tandem_qt_bin} REQUIRED)
  set(app "\${CMAKE_INSTALL_PREFIX}/Tandem.app")
  if(TANDEM_MACOS_SIGN_IDENTITY)
    if(NOT TANDEM_MACOS_TEAM_ID)
      message(FATAL_ERROR "TANDEM_MACOS_SIGN_IDENTITY needs TANDEM_MACOS_TEAM_ID (the keychain access group's prefix)")
    endif()
    # Hardened runtime, the entitlements (keychain access group, QML's JIT), a secure timestamp.
    configure_file(${CMAKE_CURRENT_SOURCE_DIR}/macos/Tandem.entitlements.in
      ${CMAKE_CURRENT_BINARY_DIR}/Tandem.entitlements @ONLY)
    set(sign_app "--force --deep --options runtime --timestamp --entitlements \"${CMAKE_CURRENT_BINARY_DIR}/Tandem.entitlements\" --sign \"${TANDEM_MACOS_SIGN_IDENTITY}\"")
  else()
    # An ad-hoc signature runs on this Mac only; a keychain access group needs a real team signature,
    # so there are no entitlements and QtKeychain uses the login keychain.
    set(sign_app "--force --deep --sign -")
  endif()
  install(CODE "
    execute_process(COMMAND \"${TANDEM_MACDEPLOYQT}\" \"${app}\"
        -qmldir=${PROJECT_SOURCE_DIR}/qml
        -executable=${app}/Contents/MacOS/tandemctl
        -executable=${app}/Contents/MacOS/tandem-server
        -always-overwrite
      RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR \"macdeployqt failed: \${result}\")
    endif()
    execute_process(COMMAND sh -c \"codesign ${sign_app} '${app}'\" RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR \"codesign failed: \${result}\")
    endif()" COMPONENT app)
else()
  install(TARGETS tandem-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
endif()

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "Tandem-${PROJECT_VERSION}")
set(CPACK_DMG_VOLUME_NAME "Tandem ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
# One image, Tandem.app beside a link to /Applications (CPack's default): drag one onto the other.
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
