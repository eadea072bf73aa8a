#pragma once
// The real MainWindow as a user first meets it: settings cleared (no saved layout, language or recent files), the
// built-in model opened the way main() does, shown and active; any error dialog fails the test. For GUI tests that
// send real keys and clicks and never set focus themselves.
#include "common/dialogs.h"
#include "main_window.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace lstm::test {

// Call from init(); QStandardPaths::setTestModeEnabled(true) must have been called before (initTestCase).
inline void openFirstLaunchWindow(std::unique_ptr<MainWindow> &window) {
  QSettings().clear();
  dialogs::setHooks({[](const QString &) { return QString(); }, [](const QString &, const QString &) { return QString(); },
                     [](const QString &text) { QFAIL(qPrintable(text)); }});
  window = std::make_unique<MainWindow>();
  window->resize(1280, 800);
  window->show();
  QVERIFY(window->openDefaultModel());
  QVERIFY(QTest::qWaitForWindowExposed(window.get()));
  window->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(window.get()));
}

} // namespace lstm::test
