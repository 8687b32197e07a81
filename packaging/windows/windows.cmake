# Windows: an NSIS installer (CPack) with the Qt runtime deployed by windeployqt.
# Written for Windows with Qt 6.4+ (MSVC), NSIS 3 and vcpkg (sqlcipher, libsodium, qtkeychain);
# NOT built or tested: the project is developed on Debian. See packaging/README.md.
#
#   cmake --preset default -B build/win -G "Visual Studio 17 2022" ^
#     -DCMAKE_TOOLCHAIN_FILE=%VCPKG_ROOT%/scripts/buildsystems/vcpkg.cmake
#   cmake --build build/win --config Release
#   cpack --config build/win/CPackConfig.cmake -C Release      -> Tandem-<version>-win64.exe
#
# Included by packaging/CMakeLists.txt after the install(TARGETS) rules, before include(CPack).

if(TANDEM_BUILD_APP)
  # A GUI program: no console window.
  set_target_properties(tandem PROPERTIES WIN32_EXECUTABLE ON)
  # The installer's icon: the rendered PNGs packed into an .ico by ImageMagick when the build machine has
  # it (optional); without it NSIS shows its default icon.
  find_program(TANDEM_MAGICK NAMES magick)
  if(TANDEM_MAGICK)
    set(tandem_ico ${CMAKE_CURRENT_BINARY_DIR}/tandem.ico)
    add_custom_command(OUTPUT ${tandem_ico}
      COMMAND ${TANDEM_MAGICK} ${CMAKE_CURRENT_BINARY_DIR}/icons/16.png ${CMAKE_CURRENT_BINARY_DIR}/icons/32.png
        ${CMAKE_CURRENT_BINARY_DIR}/icons/48.png ${CMAKE_CURRENT_BINARY_DIR}/icons/256.png ${tandem_ico}
      DEPENDS tandem_icons VERBATIM)
    add_custom_target(tandem_ico ALL DEPENDS ${tandem_ico})
    set(CPACK_NSIS_MUI_ICON ${tandem_ico})
    set(CPACK_NSIS_MUI_UNIICON ${tandem_ico})
  endif()
endif()

# windeployqt copies the Qt DLLs, the QML modules the UI imports (found by scanning qml/), the platform
# plugin and Qt's translations next to tandem.exe, at install time, so that CPack's staging folder
# holds a complete app. tandemctl and tandem-server use a subset of the same DLLs.
get_target_property(tandem_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(tandem_qt_bin ${tandem_qmake} DIRECTORY)
find_program(TANDEM_WINDEPLOYQT windeployqt HINTS ${tandem_qt_bin} REQUIRED)
if(TANDEM_BUILD_APP)
  install(CODE "
    execute_process(COMMAND \"${TANDEM_WINDEPLOYQT}\" --release --no-compiler-runtime
        --qmldir \"${PROJECT_SOURCE_DIR}/qml\" --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
        \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/tandem.exe\"
        \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/tandemctl.exe\"
      RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR \"windeployqt failed: \${result}\")
    endif()" COMPONENT app)
endif()
install(CODE "
  execute_process(COMMAND \"${TANDEM_WINDEPLOYQT}\" --release --no-compiler-runtime --no-translations
      --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
      \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/tandem-server.exe\"
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR \"windeployqt failed: \${result}\")
  endif()" COMPONENT server)

# The libraries that are not Qt (SQLCipher, libsodium, OpenSSL, QtKeychain from vcpkg) and the MSVC
# runtime: found from the executables' imports at install time.
set(tandem_windows_programs $<TARGET_FILE:tandem-server>)
if(TANDEM_BUILD_APP)
  list(APPEND tandem_windows_programs $<TARGET_FILE:tandem> $<TARGET_FILE:tandemctl>)
endif()
install(CODE "
  file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${tandem_windows_programs}
    RESOLVED_DEPENDENCIES_VAR resolved
    DIRECTORIES \"${tandem_qt_bin}\" \$ENV{PATH}
    PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\" \"^Qt6\"
    POST_EXCLUDE_REGEXES \".*[Ss]ystem32.*\")
  file(INSTALL \${resolved} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")" COMPONENT app)
set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT app)
include(InstallRequiredSystemLibraries) # the MSVC runtime

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_FILE_NAME "Tandem-${PROJECT_VERSION}-win64")
set(CPACK_NSIS_PACKAGE_NAME "Tandem")
set(CPACK_NSIS_DISPLAY_NAME "Tandem ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tandem.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put tandemctl on PATH
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_PACKAGE_EXECUTABLES "tandem;Tandem") # Start menu shortcut
set(CPACK_CREATE_DESKTOP_LINKS tandem)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "tandem.exe")
set(CPACK_COMPONENT_SERVER_DISABLED ON) # the server is offered but not ticked
