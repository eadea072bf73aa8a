#pragma once
// Help: Getting started (the first-launch guide again), the user guide (a non-modal browser of the bundled guide)
// and the keyboard shortcuts. Texts follow language switches through the window's TranslatedTexts.
#include <functional>

class QMenu;
class QWidget;

namespace lstm {

class TranslatedTexts;

// Fills `help`; `showGuide` shows the first-launch guide. The user guide dialog is one per `window`, made on first use.
void fillHelpMenu(QMenu *help, QWidget *window, TranslatedTexts &texts, const std::function<void()> &showGuide);

} // namespace lstm
