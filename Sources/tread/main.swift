print("tread")
