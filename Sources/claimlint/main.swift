print("claimlint")
