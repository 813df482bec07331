// The page's own code and the scenario the bench drives (bench/sideBySide.mjs). The same for every
// SDK: 15 buttons that change the page when clicked (so no SDK calls a click "dead"), a loop of
// custom actions, and uncaught errors thrown from the page's own function, one per task.
const TEAS = ['Sencha', 'Gyokuro', 'Matcha', 'Bancha', 'Hojicha', 'Assam', 'Darjeeling', 'Keemun',
  'Lapsang', 'Ceylon', 'Tieguanyin', 'Da Hong Pao', 'Oriental Beauty', 'Dong Ding', 'Milk oolong']
const shelf = document.getElementById('shelf')
const status = document.getElementById('status')
const basket = new Set()
for (const tea of TEAS) {
  const button = document.createElement('button')
  button.type = 'button'
  button.textContent = `Add ${tea}`
  button.addEventListener('click', () => {
    basket.has(tea) ? basket.delete(tea) : basket.add(tea)
    button.classList.toggle('in', basket.has(tea))
    status.textContent = `${basket.size} in the basket: ${[...basket].join(', ')}`
  })
  shelf.append(button)
}

function addToBasketFailed(i) {
  throw new Error(`bench error ${i}: basket service unavailable`)
}

window.bench = {
  /**
   * Calls the SDK's custom-action API n times in one task of the page's own (a timer: code that
   * CDP runs is not counted in ScriptDuration); resolves with the µs per call.
   */
  actions(n) {
    return new Promise((done) =>
      setTimeout(() => {
        const start = performance.now()
        for (let i = 0; i < n; i++) benchAction(i)
        done(((performance.now() - start) * 1000) / n)
      }),
    )
  },
  /** Throws n distinct uncaught errors, one task each, 20 ms apart; resolves after the last. */
  errors(n) {
    return new Promise((done) => {
      for (let i = 0; i < n; i++)
        setTimeout(() => {
          if (i === n - 1) setTimeout(done)
          addToBasketFailed(i)
        }, i * 20)
    })
  },
  /** Centres of the buttons, in CSS pixels, for real clicks through CDP. */
  buttons: () => [...shelf.children].map((b) => { const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2] }),
}
