#pragma once
// The first minute: a card over the window, not a dialog, that says what each panel shows and which keys step,
// in the current language, and offers the first lesson. It never takes focus (its buttons are NoFocus and it
// grabs nothing), so the step keys keep working while it shows. Shown on every launch until dismissed; the
// dismissal is remembered in QSettings ("guide/dismissed"). Help ▸ Getting started shows it again.
// It keeps itself inside its window, centred under the menus and toolbars, as wide as fits (at most kMaxWidth),
// and above the docks a lesson step raises (the window raises it again; see MainWindow::showDock).
// GUI thread.
#include <QFrame>

class QLabel;
class QPushButton;

namespace lstm {

class FirstLaunchGuide : public QFrame {
  Q_OBJECT
public:
  static constexpr int kMaxWidth = 680; // px; narrower windows get a narrower card

  // A child of `window`, hidden until showGuide(); follows the window's size.
  explicit FirstLaunchGuide(QWidget *window);

  static bool dismissedBefore(); // the user closed it in an earlier run (or this one)
  void showGuide();              // shows it where it fits; focus stays where it was
  void dismiss();                // hides it and remembers that, so the next launch starts without it

Q_SIGNALS:
  void lessonRequested(); // "Start lesson 1": the guide has hidden itself (and is dismissed)

protected:
  bool eventFilter(QObject *watched, QEvent *event) override;
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void place(); // inside the window, below its menus and toolbars

  QLabel *m_title;
  QLabel *m_body;
  QPushButton *m_lessonButton;
  QPushButton *m_closeButton;
};

} // namespace lstm
